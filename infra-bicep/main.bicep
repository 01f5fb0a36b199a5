// Open Meter Data Platform: the whole Azure side in one deployment (resource-group scope).
//   az deployment group create -g <rg> -f infra-bicep/main.bicep -p infra-bicep/main.bicepparam
// Thin per-resource modules under modules/; outputs become the Function App settings and the edge's
// DPS scope id. No output carries a key, a connection string with a key, or a token.
targetScope = 'resourceGroup'

@description('Environment name: dev, test, prod. Part of every resource name.')
@minLength(2)
@maxLength(8)
param environmentName string
@description('Azure region for everything except the Static Web App')
param location string = resourceGroup().location
@description('Region of the Static Web App (offered in a few regions only)')
param staticWebAppLocation string = 'westeurope'
@allowed(['S1', 'S2', 'S3'])
param iotHubSku string = 'S1'
@minValue(1)
param iotHubUnits int = 1
@allowed(['serverless', 'autoscale'])
param cosmosCapacityMode string = 'serverless'
param cosmosAutoscaleMaxThroughput int = 4000
@allowed(['FlexConsumption', 'Premium'])
param functionHostingPlan string = 'FlexConsumption'
@allowed(['Free', 'Standard'])
param staticWebAppSku string = 'Free'
@description('Days Log Analytics keeps logs')
param logRetentionDays int = 30
@description('Days an export blob lives before the lifecycle policy deletes it')
param exportRetentionDays int = 7
@description('Minimum number of households in an aggregate group (k-anonymity)')
@minValue(2)
param aggregateMinHouseholds int = 10
@description('Lifetime of a household export download link (SAS), minutes')
param exportLinkMinutes int = 15
@description('Cosmos DB retention in days (-1 keeps forever): day buckets (every interval as received; hours are computed from them)')
param retentionIntervalsDays int = 1826
@description('Retention of day roll-up rows (months are computed from them), days')
param retentionRollupsDays int = 1826
@description('Retention of raw readings (only uploaded with the household consent at resolution raw), days')
param retentionReadingsDays int = 31
@description('Retention of alerts, days')
param retentionEventsDays int = 730
@description('Retention of parked (dead-letter) messages, days')
param retentionDeadlettersDays int = 30
@description('Entra ID tenant that issues the API tokens')
param authTenantId string = subscription().tenantId
@description('Audience (application ID URI or client id) of the API app registration')
param authAudience string

var prefix = 'omdp-${environmentName}'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { prefix: prefix, location: location, retentionDays: logRetentionDays }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { prefix: prefix, location: location }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: { prefix: prefix, location: location, exportRetentionDays: exportRetentionDays }
}

module routingRole 'modules/routing-role.bicep' = {
  name: 'routingRole'
  params: { hubRoutingPrincipalId: identity.outputs.principalId, storageAccountName: storage.outputs.accountName }
}

module iotHub 'modules/iothub.bicep' = {
  name: 'iotHub'
  dependsOn: [routingRole]
  params: {
    prefix: prefix
    location: location
    skuName: iotHubSku
    units: iotHubUnits
    routingIdentityId: identity.outputs.id
    blobEndpoint: storage.outputs.blobEndpoint
  }
}

module dps 'modules/dps.bicep' = {
  name: 'dps'
  params: { prefix: prefix, location: location, hubName: iotHub.outputs.hubName }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: { prefix: prefix, location: location }
}

module staticWebApp 'modules/staticwebapp.bicep' = {
  name: 'staticWebApp'
  params: { prefix: prefix, location: staticWebAppLocation, sku: staticWebAppSku }
}

var cosmosDatabaseName = 'omdp'
var cosmosAccountName = '${prefix}-cosmos-${uniqueString(resourceGroup().id)}'
// Derived, not read from the module: the Function App (whose identity the account trusts) needs it first.
var cosmosEndpoint = 'https://${cosmosAccountName}.documents.azure.com:443/'

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    prefix: prefix
    location: location
    hostingPlan: functionHostingPlan
    storageAccountName: storage.outputs.accountName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    corsOrigins: [staticWebApp.outputs.url]
    appSettings: {
      OMDP_STORE: 'cosmos'
      COSMOS_ENDPOINT: cosmosEndpoint
      COSMOS_DATABASE: cosmosDatabaseName
      COSMOS_GROUP_BY: 'true'
      IotHubEventHub__fullyQualifiedNamespace: iotHub.outputs.eventHubNamespace
      IOTHUB_EVENTHUB_NAME: iotHub.outputs.eventHubName
      IOTHUB_CONSUMER_GROUP: iotHub.outputs.consumerGroup
      EXPORT_STORAGE_URL: storage.outputs.blobEndpoint
      EXPORT_CONTAINER: 'exports'
      EXPORT_SAS_MINUTES: exportLinkMinutes
      AUTH_ISSUER: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
      AUTH_AUDIENCE: authAudience
      AUTH_JWKS_URI: '${environment().authentication.loginEndpoint}${authTenantId}/discovery/v2.0/keys'
      AGGREGATE_MIN_HOUSEHOLDS: aggregateMinHouseholds
      AGGREGATE_RELEASE_DELAY_HOURS: 48
      RETENTION_INTERVALS_DAYS: retentionIntervalsDays
      RETENTION_ROLLUPS_DAYS: retentionRollupsDays
      RETENTION_READINGS_DAYS: retentionReadingsDays
      RETENTION_EVENTS_DAYS: retentionEventsDays
      RETENTION_DEADLETTERS_DAYS: retentionDeadlettersDays
      // household id -> tariff file (JSON); empty: tariffs by the meter's time zone (local platform only)
      TARIFFS_FILE: ''
      REGISTRY_CACHE_SECONDS: 60
      CORS_ORIGINS: staticWebApp.outputs.url
    }
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: cosmosAccountName
    location: location
    databaseName: cosmosDatabaseName
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    dataContributorPrincipalId: functionApp.outputs.principalId
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    functionPrincipalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.accountName
    hubName: iotHub.outputs.hubName
    vaultName: keyVault.outputs.vaultName
  }
}

output functionAppName string = functionApp.outputs.name
output apiBaseUrl string = 'https://${functionApp.outputs.defaultHostName}/api'
output cosmosEndpoint string = cosmos.outputs.endpoint
output iotHubHostName string = iotHub.outputs.hostName
output dpsIdScope string = dps.outputs.idScope
output dpsGlobalEndpoint string = dps.outputs.globalEndpoint
output keyVaultName string = keyVault.outputs.vaultName
output staticWebAppName string = staticWebApp.outputs.name
output dashboardUrl string = staticWebApp.outputs.url

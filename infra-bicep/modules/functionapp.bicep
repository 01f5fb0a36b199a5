// Function App (Node 20, Functions v4) with a system-assigned identity; Flex Consumption or Elastic
// Premium by parameter. Every connection is identity-based (`__accountName`, `__fullyQualifiedNamespace`,
// `__endpoint` settings): no keys in app settings.
param prefix string
param location string
@allowed(['FlexConsumption', 'Premium'])
param hostingPlan string = 'FlexConsumption'
param storageAccountName string
param deploymentContainerUrl string
param appInsightsConnectionString string
@description('Origins allowed to call the API (the dashboard)')
param corsOrigins array = []
@description('Application settings the functions read (name to value); see functions/local.settings.example.json')
param appSettings object

var isFlex = hostingPlan == 'FlexConsumption'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${prefix}-plan'
  location: location
  sku: isFlex ? { tier: 'FlexConsumption', name: 'FC1' } : { tier: 'ElasticPremium', name: 'EP1' }
  kind: isFlex ? 'functionapp' : 'elastic'
  properties: {
    reserved: true
    maximumElasticWorkerCount: isFlex ? null : 20
  }
}

var baseSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
}
// Flex Consumption sets runtime and version in functionAppConfig and rejects these two settings.
var premiumSettings = isFlex ? {} : { FUNCTIONS_EXTENSION_VERSION: '~4', FUNCTIONS_WORKER_RUNTIME: 'node' }
var allSettings = union(baseSettings, premiumSettings, appSettings)

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: '${prefix}-func-${uniqueString(resourceGroup().id)}'
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: isFlex
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: deploymentContainerUrl
              authentication: { type: 'SystemAssignedIdentity' }
            }
          }
          scaleAndConcurrency: { maximumInstanceCount: 100, instanceMemoryMB: 2048 }
          runtime: { name: 'node', version: '20' }
        }
      : null
    siteConfig: {
      linuxFxVersion: isFlex ? null : 'Node|20'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      cors: { allowedOrigins: corsOrigins }
      appSettings: [for s in items(allSettings): { name: s.key, value: string(s.value) }]
    }
  }
}

output name string = site.name
output principalId string = site.identity.principalId
output defaultHostName string = site.properties.defaultHostName

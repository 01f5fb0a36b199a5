// Cosmos DB for NoSQL: database and containers exactly as docs/cosmos-design.md (the container list is
// data in ../cosmos-containers.json, the same list the Functions code uses). Local auth is disabled: the
// Function App writes with its managed identity (data-plane role assignment below).
param location string
@description('Account name (globally unique; main.bicep derives it so the Function App can get the endpoint before the account exists)')
param accountName string
param databaseName string = 'omdp'
@description('serverless: pay per request (small fleets); autoscale: provisioned RU/s with a ceiling')
@allowed(['serverless', 'autoscale'])
param capacityMode string = 'serverless'
@description('Autoscale ceiling in RU/s for the shared database throughput (autoscale mode only)')
param autoscaleMaxThroughput int = 4000
@description('Principal that reads and writes data (the Function App identity)')
param dataContributorPrincipalId string

var containers = loadJsonContent('../cosmos-containers.json')
// Built-in "Cosmos DB Built-in Data Contributor" data-plane role.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    capabilities: capacityMode == 'serverless' ? [{ name: 'EnableServerless' }] : []
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
    options: capacityMode == 'autoscale' ? { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } } : {}
  }
}

resource container 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for c in containers: {
    parent: database
    name: c.name
    properties: {
      // defaultTtl -1: TTL on, each item carries its own `ttl` (retention from app settings).
      resource: union(
        {
          id: c.name
          partitionKey: {
            paths: c.partitionKeyPaths
            kind: length(c.partitionKeyPaths) > 1 ? 'MultiHash' : 'Hash'
            version: 2
          }
          indexingPolicy: c.indexingPolicy
        },
        contains(c, 'defaultTtl') ? { defaultTtl: c.defaultTtl } : {}
      )
    }
  }
]

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, dataContributorPrincipalId, dataContributorRoleId)
  properties: {
    principalId: dataContributorPrincipalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    scope: account.id
  }
}

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = databaseName

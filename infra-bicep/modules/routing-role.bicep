// The hub's routing identity must be able to write the alert archive before the hub is created
// (IoT Hub validates routing endpoints at creation), so this assignment is its own step.
param hubRoutingPrincipalId string
param storageAccountName string

var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource hubRoutingStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, hubRoutingPrincipalId, storageBlobDataContributor)
  properties: {
    principalId: hubRoutingPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
  }
}

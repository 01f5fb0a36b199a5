// User-assigned identity for IoT Hub routing (it must hold its role before the hub's routes are validated).
param prefix string
param location string

resource hubIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${prefix}-iothub-id'
  location: location
}

output id string = hubIdentity.id
output principalId string = hubIdentity.properties.principalId

// Device Provisioning Service linked to the hub. Edge devices enroll through an enrollment group
// (symmetric key or X.509); the group itself is created with the CLI (docs/deploy.md), not in ARM.
param prefix string
param location string
param hubName string
param hubLocation string = location

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' existing = {
  name: hubName
}

resource dps 'Microsoft.Devices/provisioningServices@2022-12-12' = {
  name: '${prefix}-dps'
  location: location
  sku: { name: 'S1', capacity: 1 }
  properties: {
    allocationPolicy: 'Hashed'
    iotHubs: [
      {
        // The link needs the hub's owner key; it stays inside this deployment (never an output).
        connectionString: 'HostName=${hub.properties.hostName};SharedAccessKeyName=iothubowner;SharedAccessKey=${hub.listKeys().value[0].primaryKey}'
        location: hubLocation
      }
    ]
  }
}

output dpsName string = dps.name
output idScope string = dps.properties.idScope
output globalEndpoint string = dps.properties.deviceProvisioningHostName

// IoT Hub: device-to-cloud ingress for the edge gateways. The built-in Event Hubs-compatible endpoint
// feeds the ingest Function through its own consumer group; alerts (kind = 'event') are also archived
// to Blob Storage through an identity-based routing endpoint.
param prefix string
param location string
@allowed(['S1', 'S2', 'S3'])
param skuName string = 'S1'
@minValue(1)
param units int = 1
@minValue(2)
param partitionCount int = 4
@description('Consumer group the ingest Function reads with (its own, never $Default)')
param ingestConsumerGroup string = 'omdp-ingest'
@description('User-assigned identity used by routing endpoints')
param routingIdentityId string
param blobEndpoint string
param alertsContainer string = 'alerts'

resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: '${prefix}-iothub'
  location: location
  sku: { name: skuName, capacity: units }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${routingIdentityId}': {} }
  }
  properties: {
    minTlsVersion: '1.2'
    // Service-side SAS stays enabled: DPS links to the hub with its connection string (see docs/deploy.md).
    disableLocalAuth: false
    eventHubEndpoints: {
      events: { retentionTimeInDays: 1, partitionCount: partitionCount }
    }
    routing: {
      endpoints: {
        storageContainers: [
          {
            name: 'alertsArchive'
            authenticationType: 'identityBased'
            identity: { userAssignedIdentity: routingIdentityId }
            endpointUri: blobEndpoint
            containerName: alertsContainer
            fileNameFormat: '{iothub}/{partition}/{YYYY}/{MM}/{DD}/{HH}/{mm}'
            batchFrequencyInSeconds: 300
            maxChunkSizeInBytes: 104857600
            encoding: 'JSON'
          }
        ]
      }
      routes: [
        {
          name: 'telemetryToIngest'
          source: 'DeviceMessages'
          condition: 'true'
          endpointNames: ['events']
          isEnabled: true
        }
        {
          name: 'alertsToArchive'
          source: 'DeviceMessages'
          condition: 'kind = \'event\''
          endpointNames: ['alertsArchive']
          isEnabled: true
        }
      ]
      fallbackRoute: {
        name: '$fallback'
        source: 'DeviceMessages'
        condition: 'true'
        endpointNames: ['events']
        isEnabled: true
      }
    }
  }
}

resource ingestGroup 'Microsoft.Devices/IotHubs/eventHubEndpoints/ConsumerGroups@2023-06-30' = {
  name: '${hub.name}/events/${ingestConsumerGroup}'
  properties: { name: ingestConsumerGroup }
}

output hubName string = hub.name
output hubId string = hub.id
output hostName string = hub.properties.hostName
output eventHubName string = hub.properties.eventHubEndpoints.events.path
// sb://<namespace>.servicebus.windows.net/ -> <namespace>.servicebus.windows.net
output eventHubNamespace string = replace(replace(hub.properties.eventHubEndpoints.events.endpoint, 'sb://', ''), '/', '')
output consumerGroup string = ingestConsumerGroup

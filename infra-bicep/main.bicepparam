// Parameters for main.bicep. Copy per environment (dev/test/prod) and adjust.
using './main.bicep'

// Short environment name, part of every resource name (omdp-<env>-...).
param environmentName = 'dev'
// Region of everything but the Static Web App.
param location = 'westeurope'
param staticWebAppLocation = 'westeurope'
// IoT Hub: S1 handles 400k messages/day per unit; see docs/cosmos-design.md and `npm run cost-model`.
param iotHubSku = 'S1'
param iotHubUnits = 1
// Cosmos DB: serverless for small fleets; autoscale (with a ceiling in RU/s) above ~50k meters.
param cosmosCapacityMode = 'serverless'
param cosmosAutoscaleMaxThroughput = 4000
// Functions: Flex Consumption (scale to zero) or Premium (always warm, VNet).
param functionHostingPlan = 'FlexConsumption'
param staticWebAppSku = 'Free'
// Retention: logs and export blobs (data retention per container is the TTL in cosmos-containers.json).
param logRetentionDays = 30
param exportRetentionDays = 7
// Data retention in Cosmos DB, days (-1 keeps forever).
param retentionIntervalsDays = 730
param retentionRollupsDays = 3650
param retentionReadingsDays = 31
param retentionEventsDays = 730
param retentionDeadlettersDays = 30
param exportLinkMinutes = 15
// k-anonymity threshold of /api/aggregates.
param aggregateMinHouseholds = 10
// The API's app registration (Entra ID): audience of the bearer tokens.
param authAudience = 'api://omdp-dev'

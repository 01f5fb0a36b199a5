// Parameters for main.bicep. Copy per environment (dev/test/prod) and adjust.
using './main.bicep'

// Short environment name, part of every resource name (omdp-<env>-...).
param environmentName = 'dev'
// Region of everything but the Static Web App.
param location = 'westeurope'
param staticWebAppLocation = 'westeurope'
// IoT Hub: S1 handles 400k messages/day per unit, S2 6M; with 2 h upstream batches (sharing
// cloud.batchSeconds = 7200) a meter sends 12.5 messages a day: 1 x S1 to ~30k meters, 3 x S2 at 1M.
// See docs/cosmos-design.md and `npm run cost-model`.
param iotHubSku = 'S1'
param iotHubUnits = 1
// Cosmos DB: serverless for small fleets; autoscale (with a ceiling in RU/s) above ~50k meters.
// `npm run cost-model`: ~1,600 RU/s at 100k meters, ~15,500 RU/s at 1M (mean x 1.5).
param cosmosCapacityMode = 'serverless'
param cosmosAutoscaleMaxThroughput = 4000
// Functions: Flex Consumption (scale to zero) or Premium (always warm, VNet).
param functionHostingPlan = 'FlexConsumption'
param staticWebAppSku = 'Free'
// Retention: logs and export blobs (data retention per container is the TTL in cosmos-containers.json).
param logRetentionDays = 30
param exportRetentionDays = 7
// Data retention in Cosmos DB, days (-1 keeps forever): 5 years of day buckets and day rows.
param retentionIntervalsDays = 1826
param retentionRollupsDays = 1826
param retentionReadingsDays = 31
param retentionEventsDays = 730
param retentionDeadlettersDays = 30
param exportLinkMinutes = 15
// k-anonymity threshold of /api/aggregates.
param aggregateMinHouseholds = 10
// The API's app registration (Entra ID): audience of the bearer tokens.
param authAudience = 'api://omdp-dev'

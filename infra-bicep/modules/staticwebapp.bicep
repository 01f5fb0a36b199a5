// Static Web App hosting the dashboard (app/dist). Deployed by the workflow with a token fetched at
// deploy time under OIDC; no deployment token is stored anywhere.
param prefix string
@description('Static Web Apps are offered in a few regions only')
param location string = 'westeurope'
@allowed(['Free', 'Standard'])
param sku string = 'Free'

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: '${prefix}-app'
  location: location
  sku: { name: sku, tier: sku }
  properties: {
    stagingEnvironmentPolicy: 'Enabled'
    allowConfigFileUpdates: true
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostname}'

// Governance Hub, tenant mode: the Azure side (deployed by teamsapp.yml, step arm/deploy).
//
//   App Service plan (Linux, B1, one instance) -> Web app (Node 20): the Teams tab (/tab/), the Excel task
//     pane (/taskpane/), /config.json and the bot's messaging endpoint (/api/messages), one process.
//   Azure Bot (msteams channel) -> https://<web app>/api/messages, with the bot's single-tenant Entra app.
//   Storage account -> queue for the bot's outgoing messages (send queue).
//   Bot ledger -> SQLite file on the web app's persistent /home share (see LEDGER_PATH below and docs/deploy.md).
//   Key Vault (RBAC) -> the bot's client secret and the storage connection string, read by the web app's
//     system-assigned managed identity through Key Vault references; no secret in app settings or outputs.
//   Log Analytics + Application Insights (workspace-based).
//
// Outputs are written to env/.env.<env> by the Agents Toolkit (names in upper case); none is a secret.

@maxLength(20)
@minLength(4)
@description('Prefix of every resource name, e.g. govhub plus the environment\'s RESOURCE_SUFFIX.')
param resourceBaseName string

@description('Azure region of the resources (the bot itself is global).')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest with Always On, which the reminder scheduler needs.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
])
param webAppSku string = 'B1'

@description('Microsoft 365 (Entra ID) tenant id holding the app registrations and the governance site.')
param m365TenantId string

@description('Client id of the Entra app used by the tab and the add-in (nested app authentication).')
param aadAppClientId string

@description('Client id of the bot\'s Entra app (botAadApp/create).')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s Entra app. Stored in Key Vault only.')
param botAadAppClientSecret string

@description('Display name of the bot in Teams.')
param botDisplayName string = 'Governance Hub'

@description('Teams app id (teamsApp/create), for deep links.')
param teamsAppId string

@description('SharePoint host of the governance site, e.g. contoso.sharepoint.com.')
param governanceSiteHostname string

@description('Server-relative path of the governance site, e.g. /sites/governance.')
param governanceSitePath string = '/sites/governance'

@description('Name of the bot\'s send queue.')
param botQueueName string = 'bot-send'

@description('Command App Service runs to start the app (tab, task pane and bot in one Node process, src/cli/commands/serve.ts).')
param startupCommand string = 'npm run serve'

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var webAppName = '${resourceBaseName}-web'
var planName = '${resourceBaseName}-plan'
var botName = '${resourceBaseName}-bot'
var storageName = toLower('st${take(suffix, 13)}')
var keyVaultName = 'kv-${take(suffix, 13)}'
var workspaceName = '${resourceBaseName}-logs'
var appInsightsName = '${resourceBaseName}-insights'
// App Service (Linux, Node) routes HTTPS traffic to this port; the app listens on it.
var appPort = '8080'

// Built-in role definitions (ids are the same in every tenant).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var storageQueueDataContributorRoleId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The queue client is given a connection string (Key Vault reference below). Set this to false once the
    // bot authenticates with the managed identity (AZURE_STORAGE_QUEUE_URL + the role assignment below).
    allowSharedKeyAccess: true
    accessTier: 'Hot'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-01-01' = {
  parent: storage
  name: 'default'
}

resource botQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-01-01' = {
  parent: queueService
  name: botQueueName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'bot-password'
  properties: {
    value: botAadAppClientSecret
    contentType: 'client secret of the bot Entra app'
  }
}

resource storageConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    contentType: 'Azure Storage connection string (bot send queue)'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-01-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    // One instance: the reminder scheduler and the SQLite ledger assume a single process.
    capacity: 1
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-01-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: startupCommand
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/config.json'
    }
  }
}

var tabDomain = webApp.properties.defaultHostName
var tabEndpoint = 'https://${webApp.properties.defaultHostName}'

// App settings in their own resource, so they may refer to the site's host name and to the vault secrets.
// The Node app reads the same variable names as env/.env.dev (src/cli/config.ts overlays process.env).
resource webAppSettings 'Microsoft.Web/sites/config@2023-01-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    // Build on the server (Oryx): `npm ci` on Linux, so native modules (better-sqlite3) match the host.
    // --include=dev: NODE_ENV=production would drop tsx, which runs `npm run serve` (TypeScript sources).
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    CUSTOM_BUILD_COMMAND: 'npm ci --include=dev --no-audit --no-fund'
    NODE_ENV: 'production'
    WEBSITES_PORT: appPort
    WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'true'
    // `serve` listens on HOST and PORT (App Service sets it from WEBSITES_PORT), else WEBSITES_PORT.
    HOST: '0.0.0.0'
    TAB_PORT: appPort
    // The bot endpoint is served by the same process and port (/api/messages).
    BOT_PORT: appPort
    GRAPH_MODE: 'tenant'
    GRAPH_BASE_URL: 'https://graph.microsoft.com'
    TENANT_ID: m365TenantId
    AAD_APP_CLIENT_ID: aadAppClientId
    GOVERNANCE_SITE_HOSTNAME: governanceSiteHostname
    GOVERNANCE_SITE_PATH: governanceSitePath
    TEAMS_APP_ID: teamsAppId
    TAB_ENDPOINT: tabEndpoint
    TAB_DOMAIN: tabDomain
    BOT_ENDPOINT: tabEndpoint
    BOT_DOMAIN: tabDomain
    BOT_ID: botAadAppClientId
    BOT_PASSWORD: '@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUri})'
    AZURE_STORAGE_CONNECTION_STRING: '@Microsoft.KeyVault(SecretUri=${storageConnectionSecret.properties.secretUri})'
    // Not read yet: for a queue client on the managed identity (then drop the connection string).
    AZURE_STORAGE_QUEUE_URL: storage.properties.primaryEndpoints.queue
    BOT_QUEUE_NAME: botQueue.name
    // The reminder ledger: SQLite on /home, App Service's persistent share (survives restarts and deployments).
    LEDGER_PATH: '/home/data/bot-ledger.db'
    // /home is an SMB share: SQLite's WAL needs shared memory it does not provide, so a rollback journal.
    LEDGER_JOURNAL_MODE: 'DELETE'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  }
  dependsOn: [
    keyVaultSecretsUser
  ]
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, webApp.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, webApp.id, storageQueueDataContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributorRoleId)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: '${tabEndpoint}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: m365TenantId
    developerAppInsightsApplicationId: appInsights.properties.AppId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

// Written to env/.env.<env> by the toolkit; none of them is a secret.
output WEB_APP_RESOURCE_ID string = webApp.id
output WEB_APP_NAME string = webApp.name
output WEB_APP_PRINCIPAL_ID string = webApp.identity.principalId
output TAB_DOMAIN string = tabDomain
output TAB_ENDPOINT string = tabEndpoint
output ADDIN_DOMAIN string = tabDomain
output ADDIN_ENDPOINT string = tabEndpoint
output BOT_DOMAIN string = tabDomain
output BOT_ENDPOINT string = tabEndpoint
output BOT_SERVICE_NAME string = bot.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
output BOT_QUEUE_NAME string = botQueue.name
output KEY_VAULT_NAME string = keyVault.name

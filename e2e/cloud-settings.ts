// Settings shared by the cloud-mode e2e config (e2e/cloud.config.ts), its stack (e2e/cloud-stack.ts)
// and its specs. Ports differ from the local e2e (3100/9100) so both can run on one machine.
export const CLOUD = {
  port: Number(process.env['E2E_CLOUD_PORT'] ?? 3200),
  cosPort: Number(process.env['E2E_CLOUD_COS_PORT'] ?? 9200),
  cosHttpsPort: Number(process.env['E2E_CLOUD_COS_HTTPS_PORT'] ?? 9243),
  adminPassword: 'e2e-cloud-admin-password',
  // The root key of cos-local's account, which the console uses as its own COS credential.
  secretId: 'AKIDe2eCloudRootKey000000000000000001',
  secretKey: 'e2eCloudRootSecretKey0000000000001',
  dataDir: '.tmp/e2e-cloud',
  serverLog: '.tmp/e2e-logs/cloud-server.log',
  captureDir: '.tmp/e2e-capture/cloud',
} as const;

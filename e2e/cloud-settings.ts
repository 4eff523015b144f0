// Settings shared by the cloud-mode e2e config (e2e/cloud.config.ts), its stack (e2e/cloud-stack.ts)
// and its specs. Ports differ from the local e2e (3100/9100) so both can run on one machine.
const PORT = Number(process.env['E2E_CLOUD_PORT'] ?? 3200);
// A run on other ports (E2E_CLOUD_PORT set) keeps its state apart, as e2e/playwright.config.ts does.
export const CLOUD_RUN = process.env['E2E_CLOUD_PORT'] ? `-${PORT}` : '';
export const CLOUD = {
  port: PORT,
  cosPort: Number(process.env['E2E_CLOUD_COS_PORT'] ?? 9200),
  cosHttpsPort: Number(process.env['E2E_CLOUD_COS_HTTPS_PORT'] ?? 9243),
  adminPassword: 'e2e-cloud-admin-password',
  // The root key of cos-local's account, which the console uses as its own COS credential.
  secretId: 'AKIDe2eCloudRootKey000000000000000001',
  secretKey: 'e2eCloudRootSecretKey0000000000001',
  dataDir: `.tmp/e2e-cloud${CLOUD_RUN}`,
  serverLog: `.tmp/e2e-logs/cloud-server${CLOUD_RUN}.log`,
  captureDir: `.tmp/e2e-capture/cloud${CLOUD_RUN}`,
} as const;

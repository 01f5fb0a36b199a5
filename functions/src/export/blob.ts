import { DefaultAzureCredential } from "@azure/identity";
import { BlobSASPermissions, BlobServiceClient, StorageSharedKeyCredential } from "@azure/storage-blob";

/** Where household exports go: a blob container, read back through a short-lived SAS link. */
export interface ExportTarget {
  upload(
    name: string,
    content: string,
    contentType: string,
    ttlMinutes: number,
  ): Promise<{ url: string; expiresAt: string }>;
  /** Deletes every blob whose name starts with `prefix`; returns how many. */
  deletePrefix(prefix: string): Promise<number>;
}

export interface ExportSettings {
  readonly url: string;
  readonly connectionString: string;
  readonly container: string;
}

/**
 * Connection string (Azurite, local): account-key SAS. Service URL (Azure): managed identity and a
 * user delegation SAS (no account key anywhere). Neither set: exports are disabled (503).
 */
export function createExportTarget(s: ExportSettings): ExportTarget | undefined {
  let service: BlobServiceClient;
  if (s.connectionString) service = BlobServiceClient.fromConnectionString(s.connectionString);
  else if (s.url) service = new BlobServiceClient(s.url, new DefaultAzureCredential());
  else return undefined;
  const container = service.getContainerClient(s.container);
  let ensured: Promise<unknown> | undefined;
  return {
    async upload(name, content, contentType, ttlMinutes) {
      ensured ??= container.createIfNotExists();
      await ensured;
      const blob = container.getBlockBlobClient(name);
      await blob.upload(content, Buffer.byteLength(content), {
        blobHTTPHeaders: { blobContentType: contentType },
      });
      const startsOn = new Date(Date.now() - 60_000);
      const expiresOn = new Date(Date.now() + ttlMinutes * 60_000);
      const permissions = BlobSASPermissions.parse("r");
      let url: string;
      if (service.credential instanceof StorageSharedKeyCredential) {
        url = await blob.generateSasUrl({ permissions, startsOn, expiresOn });
      } else {
        const key = await service.getUserDelegationKey(startsOn, expiresOn);
        url = await blob.generateUserDelegationSasUrl({ permissions, startsOn, expiresOn }, key);
      }
      return { url, expiresAt: expiresOn.toISOString() };
    },
    async deletePrefix(prefix) {
      if (!(await container.exists())) return 0;
      let n = 0;
      for await (const item of container.listBlobsFlat({ prefix })) {
        await container.deleteBlob(item.name, { deleteSnapshots: "include" });
        n++;
      }
      return n;
    },
  };
}

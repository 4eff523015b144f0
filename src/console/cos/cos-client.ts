// The console's one view of COS. Components get an implementation from context (cos-client-context)
// and never build one, so tests can pass a fake and the SDK stays an implementation detail.

export interface ListObjectsInput {
  bucket: string;
  region: string;
  prefix: string;
  /** '/' groups keys into folders (CommonPrefixes). */
  delimiter?: string;
  marker?: string;
  /** At most 1000 (COS GET Bucket limit). */
  maxKeys?: number;
}

export interface CosObjectSummary {
  key: string;
  size: number;
  lastModified: string;
  etag: string;
  storageClass: string;
}

export interface ListObjectsPage {
  objects: CosObjectSummary[];
  prefixes: string[];
  isTruncated: boolean;
  /** Marker for the next page; set only when isTruncated. */
  nextMarker: string | undefined;
}

export interface CosClient {
  listObjects(input: ListObjectsInput): Promise<ListObjectsPage>;
}

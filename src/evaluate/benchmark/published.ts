// Published scores under the same news-tls protocol, printed beside ours. Copied from
// shared/docs/published-results.md: §1 (Gholipour Ghalandari & Ifrim, ACL 2020, Table 4, read in
// the paper [P]) and §3 (SUnSET, quoted in a re-implementation [S], not read in the original).
// The doc has the provenance of every number; update both together.

export interface PublishedRow {
  system: string;
  ar1F: number;
  ar2F: number;
  dateF1: number;
  /** [P] read in the primary source, [S] secondary quote only. */
  status: 'P' | 'S';
}

const PUBLISHED: Record<string, readonly PublishedRow[]> = {
  t17: [
    { system: 'DATEWISE (news-tls, supervised)', ar1F: 0.12, ar2F: 0.035, dateF1: 0.544, status: 'P' },
    { system: 'MARTSCHAT 2018', ar1F: 0.105, ar2F: 0.03, dateF1: 0.544, status: 'P' },
    { system: 'PUBCOUNT', ar1F: 0.105, ar2F: 0.027, dateF1: 0.481, status: 'P' },
    { system: 'CLUST (news-tls)', ar1F: 0.082, ar2F: 0.02, dateF1: 0.407, status: 'P' },
    { system: 'SUnSET Qwen-72B (LLM)', ar1F: 0.136, ar2F: 0.044, dateF1: 0.576, status: 'S' },
  ],
  crisis: [
    { system: 'DATEWISE (news-tls, supervised)', ar1F: 0.089, ar2F: 0.026, dateF1: 0.295, status: 'P' },
    { system: 'CLUST (news-tls)', ar1F: 0.061, ar2F: 0.013, dateF1: 0.226, status: 'P' },
    { system: 'SUnSET Qwen-72B (LLM)', ar1F: 0.129, ar2F: 0.047, dateF1: 0.389, status: 'S' },
  ],
};

/** The published rows for a dataset folder name (`t17`, `crisis`); none for other datasets. */
export function publishedRows(dataset: string): readonly PublishedRow[] {
  return PUBLISHED[dataset.toLowerCase()] ?? [];
}

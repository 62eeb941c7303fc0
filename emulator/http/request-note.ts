/** What the handlers learn about a request that the request log needs (filled in as the request is handled). */
export interface RequestNote {
  principal?: string;
  kind: 'rest' | 'oauth' | 'sql' | 'other';
}

// A multipart/form-data body built by the platform's own FormData (as a browser sends it), for
// inject(): the payload and its content-type header with the boundary.
export type FormFields = Record<string, string | { name: string; content: Uint8Array | string; type?: string }>;

export async function formData(fields: FormFields): Promise<{ payload: Buffer; contentType: string }> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') fd.append(k, v);
    else fd.append(k, new Blob([v.content], { type: v.type ?? 'application/octet-stream' }), v.name);
  }
  const req = new Request('http://x/', { method: 'POST', body: fd });
  return { payload: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! };
}

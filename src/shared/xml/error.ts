// The <Error> body of every COS error response. Doc: https://cloud.tencent.com/document/product/436/7730
import { buildXml, parseXml, text, child, type XmlParseResult } from './codec';

export interface ErrorBody {
  code: string;
  message: string;
  resource: string;
  requestId: string;
  traceId: string;
}

export function buildErrorXml(e: ErrorBody): string {
  return buildXml('Error', {
    Code: e.code,
    Message: e.message,
    Resource: e.resource,
    RequestId: e.requestId,
    TraceId: e.traceId,
  });
}

export function parseErrorXml(xml: string): XmlParseResult<ErrorBody> {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const e = child(parsed.value['Error']);
  if (!e) return { ok: false, reason: 'the root element must be Error' };
  return {
    ok: true,
    value: {
      code: text(e['Code']),
      message: text(e['Message']),
      resource: text(e['Resource']),
      requestId: text(e['RequestId']),
      traceId: text(e['TraceId']),
    },
  };
}

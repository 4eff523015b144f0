// The <Error> body of every COS error response. Doc: https://cloud.tencent.com/document/product/436/7730
import { buildXml, text, type XmlParseResult } from './codec';
import { isRefusal, readRoot } from './read';

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
  const e = readRoot(xml, 'Error', [], 'refused');
  if (isRefusal(e)) return e;
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

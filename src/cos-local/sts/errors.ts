// Errors of cos-local's STS endpoint, in the Tencent Cloud API shape rather than COS XML:
// `{"Response":{"Error":{"Code","Message"},"RequestId"}}` with HTTP 200, as API 3.0 answers.
// Codes are the Tencent Cloud API common error codes (https://cloud.tencent.com/document/product/1388/114322,
// the "公共错误码" table every product's API doc repeats).

export type StsErrorCode =
  | 'AuthFailure.SecretIdNotFound'
  | 'AuthFailure.SignatureExpire'
  | 'AuthFailure.SignatureFailure'
  | 'AuthFailure.UnauthorizedOperation'
  | 'InternalError'
  | 'InvalidAction'
  | 'InvalidParameter'
  | 'InvalidParameterValue'
  | 'MissingParameter'
  | 'RequestSizeLimitExceeded'
  | 'UnsupportedOperation';

export class StsError extends Error {
  readonly code: StsErrorCode;

  constructor(code: StsErrorCode, message: string) {
    super(message);
    this.name = 'StsError';
    this.code = code;
  }
}

export interface StsErrorBody {
  Response: { Error: { Code: StsErrorCode; Message: string }; RequestId: string };
}

export function errorBody(err: StsError, requestId: string): StsErrorBody {
  return { Response: { Error: { Code: err.code, Message: err.message }, RequestId: requestId } };
}

// A JSON Schema of a COS bucket policy, generated from this module's own tables (actions, condition
// keys, operators), for the policy editor's completion and hover help. The grammar: version "2.0",
// principal {qcs: [...]}, statement [{effect, action, resource, condition}], all element names lower
// case (https://cloud.tencent.com/document/product/436/12469, "元素参考"). The schema helps typing; what
// a policy means, and whether COS accepts it, is parse.ts's and the linter's job.
import { COS_ACTIONS } from './action';
import { CONDITION_KEYS } from './condition-keys';
import { BASE_OPERATORS } from './model';

export interface PolicySchemaContext {
  bucket: string;
  region: string;
  appId: string;
  /** The bucket owner's root UIN, for principal examples. */
  ownerUin?: string;
}

type Schema = Record<string, unknown>;

const oneOrMany = (item: Schema, description: string): Schema => ({
  description,
  anyOf: [item, { type: 'array', items: item, minItems: 1 }],
});

/** Every operator name COS accepts: base, `_if_exist`, and the `for_any_value:`/`for_all_value:` forms. */
export function operatorNames(): string[] {
  const out: string[] = [];
  for (const base of BASE_OPERATORS) {
    out.push(base, `${base}_if_exist`);
    if (base.startsWith('string_')) out.push(`for_any_value:${base}`, `for_all_value:${base}`);
  }
  return out;
}

export function policyJsonSchema(ctx: PolicySchemaContext): Schema {
  const shortBucket = ctx.bucket.endsWith(`-${ctx.appId}`) ? ctx.bucket : `${ctx.bucket}-${ctx.appId}`;
  const base = `qcs::cos:${ctx.region}:uid/${ctx.appId}:${shortBucket}`;
  const owner = ctx.ownerUin ?? '<OwnerUin>';
  const actionItem: Schema = {
    type: 'string',
    anyOf: [
      { enum: COS_ACTIONS.map((a) => a.name), description: 'A COS action' },
      { pattern: '^(\\*|name/cos:.*\\*.*)$', description: 'A wildcard pattern: matches every action it covers' },
    ],
    examples: ['name/cos:GetObject', 'name/cos:PutObject', 'name/cos:GetBucket'],
  };
  const keyProps: Schema = {};
  for (const k of CONDITION_KEYS) {
    keyProps[k.key] = oneOrMany({ type: ['string', 'number', 'boolean'] }, `${k.key}: ${k.types.join('/')} — set for ${k.appliesTo === 'all' ? 'every request' : k.appliesTo.join(', ')}${k.urlEncoded ? ' (values URL-encoded)' : ''}`);
  }
  const operatorValue: Schema = { type: 'object', properties: keyProps, description: 'Condition keys and the values they are compared with' };
  const operatorProps: Schema = {};
  for (const op of operatorNames()) operatorProps[op] = operatorValue;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Bucket policy of ${ctx.bucket}`,
    type: 'object',
    required: ['version', 'statement'],
    properties: {
      version: { enum: ['2.0'], description: 'The policy grammar version: always "2.0".' },
      statement: {
        type: 'array',
        minItems: 1,
        description: 'The statements; a deny anywhere wins over any allow.',
        items: {
          type: 'object',
          required: ['effect', 'action', 'resource'],
          properties: {
            sid: { type: 'string', description: 'An optional statement id.' },
            effect: { enum: ['allow', 'deny'], description: 'allow or deny (lower case).' },
            principal: {
              type: 'object',
              description: 'Who the statement is about.',
              properties: {
                qcs: oneOrMany({
                  type: 'string',
                  examples: ['*', `qcs::cam::uin/${owner}:uin/${owner}`, `qcs::cam::uin/${owner}:uin/<SubUin>`, 'qcs::cam::uin/<OtherOwnerUin>:uin/<OtherOwnerUin>', 'qcs::cam::anyone:anyone'],
                }, '"*" = everyone (anonymous included); qcs::cam::uin/<OwnerUin>:uin/<Uin> = one account or sub-account.'),
              },
            },
            action: oneOrMany(actionItem, 'The COS actions, name/cos:<Api> (case-sensitive).'),
            notAction: oneOrMany(actionItem, 'Every action except these.'),
            resource: oneOrMany({ type: 'string', examples: [`${base}/*`, `${base}/folder/*`, `${base}/object.txt`, `${base}/`] }, `Resources of this bucket: ${base}/<key pattern> (objects), ${base}/ (the bucket itself).`),
            condition: { type: 'object', properties: operatorProps, description: 'Conditions: operator → condition key → values; all must hold.' },
          },
        },
      },
      principal: { description: 'Not used at the top level: put principal in each statement.' },
    },
  };
}

import type { Strings } from '../strings';
import type { encryptionEn } from './encryption.en';

export const encryptionZhCN: Strings<typeof encryptionEn> = {
  title: '服务端加密',
  intro: '开启默认加密后，上传请求未指定加密方式的新对象，由 COS 使用 SSE-COS（AES-256，密钥由 COS 托管）加密存储。存储桶中已有的对象不会改变；下载方式不变：COS 会为有读取权限的请求解密。',
  switchLabel: '使用 SSE-COS（AES256）加密新对象',
  on: '已开启：新对象使用 SSE-COS（AES256）加密存储。',
  off: '未开启：新对象按上传请求的要求存储。',
  other: '此存储桶的默认加密方式为 {{algorithm}}，是在本控制台之外设置的。本控制台只管理 SSE-COS，因此以只读方式显示此设置，不会替换它。请在腾讯云控制台或通过 API 修改。',
  kmsKey: 'KMS 密钥：{{id}}',
  kmsAlgorithm: 'KMS 算法：{{algorithm}}',
  algorithms: { KMS: 'SSE-KMS（密钥由密钥管理系统托管）', SM4: '使用 SM4 算法的 SSE-COS', AES256: '带 KMS 参数的 SSE-COS（AES256）' },
  noDefault: '此存储桶的加密配置未指定算法，因此不加密任何对象。开启 SSE-COS 会替换该配置。',
  confirmOffTitle: '关闭默认加密？',
  confirmOffBody: '新对象将不再加密，除非上传请求要求加密。已加密的对象保持加密。',
  turnOff: '关闭',
};

import type { Strings } from '../strings';
import type { overviewEn } from './overview.en';

export const overviewZhCN: Strings<typeof overviewEn> = {
  title: '概览',
  intro: '存储桶所在地域、访问方式以及各项设置一览。点击设置名称可打开对应的设置页面。',
  region: '所属地域',
  endpointsTitle: '访问域名',
  settingsTitle: '设置',
  defaultEndpoint: '默认域名',
  websiteEndpoint: '静态网站域名',
  customDomains: '自定义域名',
  noCustomDomain: '无',
  websiteOff: '未配置静态网站',
  loading: '加载中…',
  noAccess: '需要整个存储桶的“{{permission}}”权限',
  readFailed: '无法读取（{{code}}）',
  versioning: { never: '从未开启', Enabled: '已开启', Suspended: '已暂停' },
  replication: { none: '未配置', rules_one: '{{count}} 条规则 → {{destinations}}', rules_other: '{{count}} 条规则 → {{destinations}}' },
  website: { on: '已开启（索引文档 {{index}}）', redirect: '已开启（所有请求重定向到 {{protocol}}）', off: '未开启' },
  encryption: { none: '未配置', AES256: 'SSE-COS（AES256）', SM4: 'SSE-COS（SM4）', KMS: 'SSE-KMS', other: '{{algorithm}}' },
  hotlink: { off: '未开启', allow_one: '已开启：白名单，{{count}} 个域名', allow_other: '已开启：白名单，{{count}} 个域名', block_one: '已开启：黑名单，{{count}} 个域名', block_other: '已开启：黑名单，{{count}} 个域名' },
};

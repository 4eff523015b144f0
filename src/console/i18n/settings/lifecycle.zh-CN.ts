import type { Strings } from '../strings';
import type { lifecycleEn } from './lifecycle.en';

export const lifecycleZhCN: Strings<typeof lifecycleEn> = {
  title: '生命周期',
  summary: {
    sentence: '{{text}}。',
    sentenceDisabled: '{{text}}（已停用）。',
    scopeAll: '存储桶中的所有对象',
    scopePrefix: '{{prefix}} 下的对象',
    scopeTags: '标签为 {{tags}} 的对象',
    scopePrefixTags: '{{prefix}} 下标签为 {{tags}} 的对象',
    tag: '{{key}}={{value}}',
    tagSeparator: '、',
    tagLast: '、',
    current: '{{scope}}在 {{actions}}',
    scopeOnly: '{{scope}}：{{parts}}',
    noActions: '无操作',
    partSeparator: '；',
    listSeparator: '，',
    listLast: '，',
    days_one: '{{count}} 天',
    days_other: '{{count}} 天',
    transitionDays: '{{days}}后转为{{storageClass}}',
    transitionDate: '{{date}} 转为{{storageClass}}',
    expireDays: '{{days}}后删除',
    expireDate: '{{date}} 删除',
    deleteMarkers: '移除过期的删除标记',
    noncurrent: '非当前版本在成为非当前版本 {{actions}}',
    noncurrentTransition: '{{days}}后转为{{storageClass}}',
    noncurrentExpire: '{{days}}后删除',
    abortMultipart: '未完成的分块上传在 {{days}}后中止',
  },
};

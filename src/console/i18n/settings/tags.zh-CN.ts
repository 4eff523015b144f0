import type { Strings } from '../strings';
import type { tagsEn } from './tags.en';

export const tagsZhCN: Strings<typeof tagsEn> = {
  title: '存储桶标签',
  intro: '标签是加在存储桶本身上的键值对，用于对存储桶分组管理和分账。它们不是对象标签，不影响对象的存储和访问方式。',
  limits: '最多 50 个标签。键为 1 至 128 个字符，值最多 256 个字符：可使用字母、数字、空格及 + - = . _ : / @。键区分大小写且不可重复；以 qcs: 或 project 开头的键为系统预留。',
  columns: { key: '标签键', value: '标签值', actions: '操作' },
  empty: '暂无标签。',
  key: '标签 {{n}} 的键',
  value: '标签 {{n}} 的值',
  remove: '删除',
  removeLabel: '删除标签 {{n}}',
  add: '添加标签',
  removeAll: '删除全部标签',
  confirmRemoveAllTitle: '删除全部标签？',
  confirmRemoveAllBody: '存储桶的标签将被全部删除。按这些标签分组或分账的功能将不再包含此存储桶。',
  tooMany: '一个存储桶最多有 50 个标签。',
  problems: {
    keyEmpty: '请输入键。',
    keyTooLong: '键最多 128 个字符。',
    keyCharacters: '只能使用字母、数字、空格及 + - = . _ : / @。',
    keyReserved: '以 qcs: 或 project 开头的键为系统预留。',
    keyDuplicate: '已有其他标签使用此键。',
    valueTooLong: '值最多 256 个字符。',
    valueCharacters: '只能使用字母、数字、空格及 + - = . _ : / @。',
  },
};

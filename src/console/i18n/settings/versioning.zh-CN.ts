import type { Strings } from '../strings';
import type { versioningEn } from './versioning.en';

export const versioningZhCN: Strings<typeof versioningEn> = {
  title: '版本控制',
  intro: '开启版本控制后，COS 会保留对象的每个版本：覆盖或删除对象时会保留之前的版本，可以列出、下载和恢复这些版本。',
  current: '当前状态',
  state: { never: '从未开启', Enabled: '已开启', Suspended: '已暂停' },
  stateHelp: {
    never: '从未开启过版本控制：覆盖或删除对象会永久替换该对象。',
    Enabled: '每次写入都会创建新版本；删除会添加删除标记并保留之前的版本。',
    Suspended: '新的写入会替换对象的 "null" 版本；版本控制开启期间保留的版本会一直保留，直到被删除。',
  },
  facts: {
    title: '修改前请注意',
    oneWay: '版本控制一旦开启就无法关闭，只能暂停。',
    suspend: '暂停后所有已有版本都会保留（仍占用存储空间），只是新的写入不再创建版本。',
    replication: '存储桶复制要求源存储桶和目标存储桶都开启版本控制。',
    storage: '保留的每个版本都按存储量计费：可以用生命周期规则让非当前版本过期。',
  },
  enable: '开启版本控制',
  suspend: '暂停版本控制',
  enabled: '已开启版本控制。',
  suspended: '已暂停版本控制。',
  confirmEnable: {
    title: '开启版本控制？',
    text: '此后 COS 将保留 {{bucket}} 中每个对象的每个版本。',
    oneWay: '此操作不可撤销：之后只能暂停版本控制，无法关闭。',
    confirm: '开启版本控制',
  },
  confirmSuspend: {
    title: '暂停版本控制？',
    text: '之后写入 {{bucket}} 的对象将直接替换原对象，不再创建版本。已有版本会保留。',
    replication: '此存储桶正在复制到 {{destinations}}。存储桶复制需要开启版本控制：存在复制规则时 COS 会拒绝暂停版本控制（PUT Bucket versioning），请先删除复制配置。',
    replicationLink: '打开存储桶复制',
    replicationUnknown: '无法读取复制配置：如果此存储桶配置了复制规则，COS 会拒绝暂停版本控制，直到复制规则被删除。',
    confirm: '暂停版本控制',
  },
};

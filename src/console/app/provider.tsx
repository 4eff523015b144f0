import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfigProvider } from 'tdesign-react';
import tdesignEn from 'tdesign-react/es/locale/en_US';
import tdesignZh from 'tdesign-react/es/locale/zh_CN';

/** App-wide context: the query cache, and TDesign's own texts in the console's language. */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = t('app.productName');
  }, [t]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider globalConfig={i18n.language === 'zh-CN' ? tdesignZh : tdesignEn}>{children}</ConfigProvider>
    </QueryClientProvider>
  );
}

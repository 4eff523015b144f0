import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, Form, Input } from 'tdesign-react';
import { paths } from '../../../navigation/paths';
import { useInnerInputAttributes } from '../../../components/use-inner-input-attributes';
import { configQueries } from '../../../cos/config-queries';

const BUCKET_ID = 'open-bucket-name';
const REGION_ID = 'open-bucket-region';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** For a key that may not list buckets: goes to a bucket's objects by its name and region. */
export function OpenBucketForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const config = useQuery(configQueries.current());
  const [form] = Form.useForm();
  const bucketRef = useInnerInputAttributes({ id: BUCKET_ID });
  const regionRef = useInnerInputAttributes({ id: REGION_ID });

  return (
    <section className="open-bucket" aria-labelledby="open-bucket-title">
      <h2 id="open-bucket-title">{t('buckets.openByName.title')}</h2>
      <p>{t('buckets.openByName.hint')}</p>
      <Form
        form={form}
        layout="inline"
        labelAlign="top"
        colon={false}
        requiredMark={false}
        initialData={{ region: config.data?.defaultRegion ?? '' }}
        rules={{
          bucket: [{ required: true, message: t('buckets.openByName.bucketRequired') }],
          region: [{ required: true, message: t('buckets.openByName.regionRequired') }],
        }}
        onSubmit={({ validateResult }) => {
          if (validateResult !== true) return;
          const bucket = text(form?.getFieldValue('bucket'));
          const region = text(form?.getFieldValue('region'));
          void navigate(paths.objects(bucket, { region }));
        }}
      >
        <Form.FormItem label={t('buckets.openByName.bucket')} name="bucket" for={BUCKET_ID}>
          <Input ref={bucketRef} placeholder={t('buckets.openByName.bucketPlaceholder')} />
        </Form.FormItem>
        <Form.FormItem label={t('buckets.openByName.region')} name="region" for={REGION_ID}>
          <Input ref={regionRef} />
        </Form.FormItem>
        <Form.FormItem>
          <Button type="submit" theme="primary">
            {t('buckets.openByName.open')}
          </Button>
        </Form.FormItem>
      </Form>
    </section>
  );
}

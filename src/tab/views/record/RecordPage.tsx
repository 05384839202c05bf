import { Title2 } from '@fluentui/react-components';
import type { RecordRef } from '../../deep-links';

export interface RecordPageProps {
  readonly recordRef: RecordRef;
  readonly view: 'edit' | 'history';
}

export const RecordPage = ({ recordRef }: RecordPageProps) => <Title2 as="h2">{recordRef.id}</Title2>;

/** The linkage review routes (src/server/routes/linkage.ts). */
import type * as Api from '../../../src/server/apiTypes.ts';
import { request } from '../api/client.ts';

export type LinkageList = Api.LinkageList;
export type LinkageRun = Api.LinkageRun;
export type LinkageRecords = Api.LinkageRecords;
export type LinkagePair = LinkageRun['pairs'][number];
export type Decision = NonNullable<LinkagePair['label']>['decision'];

const enc = encodeURIComponent;

export const listLinkageLists = () => request<{ items: LinkageList[] }>('GET', '/api/linkage/lists');
export const runLinkage = (input: Api.LinkageRunRequest) =>
  request<Api.LinkageRunResult>('POST', '/api/linkage/runs', input);
export const getLinkageRun = (id: string) => request<LinkageRun>('GET', `/api/linkage/runs/${enc(id)}`);
export const openLinkageRecords = (id: string) =>
  request<LinkageRecords>('POST', `/api/linkage/runs/${enc(id)}/records`);
export const labelLinkagePair = (id: string, input: { a: string; b: string; decision: Decision | null }) =>
  request<LinkageRun>('PUT', `/api/linkage/runs/${enc(id)}/labels`, input);

/** The estimation routes (src/server/routes/estimates.ts); an uploaded lists file travels as text. */
import type {
  EstimateAnswer,
  EstimateRequest,
  EstimationLists,
  EstimationOverlaps,
  SavedEstimate,
  SavedEstimateList,
  SaveEstimateRequest,
} from '../../../src/server/apiTypes.ts';
import { request } from '../api/client.ts';

export type { EstimateAnswer, EstimateRequest, EstimationLists, EstimationOverlaps, SavedEstimate };
export type ListsInput = EstimateRequest['lists'];
export type EstimateModel = EstimationLists['models'][number]['model'];
export type ChoosableList = EstimationLists['lists'][number];
export type LinkageRun = EstimationLists['linkage']['runs'][number];
export type EstimateResult = EstimateAnswer['result'];
export type SavedEstimateItem = SavedEstimateList['items'][number];

export const getEstimationLists = () => request<EstimationLists>('GET', '/api/estimates/lists');
export const getOverlaps = (lists: ListsInput) =>
  request<EstimationOverlaps>('POST', '/api/estimates/overlaps', { lists });
export const runEstimate = (input: EstimateRequest) =>
  request<EstimateAnswer>('POST', '/api/estimates/run', input);
export const saveEstimate = (input: SaveEstimateRequest) =>
  request<SavedEstimate>('POST', '/api/estimates', input);
export const listSavedEstimates = () => request<SavedEstimateList>('GET', '/api/estimates?limit=50');
export const openSavedEstimate = (id: string) =>
  request<SavedEstimate>('GET', `/api/estimates/${encodeURIComponent(id)}`);

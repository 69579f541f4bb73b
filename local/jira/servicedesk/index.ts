export { serviceDeskRoutes } from './routes';
export { applyServiceDeskSeed } from './seed';
export { ServiceDeskStore } from './store';
export type { FeedbackRecord, OrganizationRecord, RequestRecord, ServiceDeskRecord } from './store';
export { SERVICE_DESK_ENDPOINTS } from './served-endpoints';
export { isInternalNote, SD_PUBLIC_COMMENT } from './internal-note';

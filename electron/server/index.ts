export { MIN_TOKEN_LENGTH, checkBindPolicy, isLoopbackHost } from './bind-policy';
export { FILE_ROUTE } from './file-route';
export {
  MAX_BODY_BYTES,
  startHttpServer,
  type HttpFilesOptions,
  type HttpServerOptions,
  type RunningHttpServer,
} from './http-server';
export { serve, type RunningServe, type ServeOptions } from './serve';

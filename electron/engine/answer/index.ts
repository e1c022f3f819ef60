export { Answerer, type AnswererOptions } from './answerer';
export { ANSWER_KEY_ENV, SessionKeyStore, type AnswerKeyStore, type KeyStoreStatus } from './key-store';

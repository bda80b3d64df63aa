/**
 * @module @nomen/metal-runtime/testing — tiny random-weight models and adapters for tests in any package.
 */

export { type OpenAiServer, type StartOpenAiServerOptions, startOpenAiServer } from "./startOpenAiServer.js";
export { type WriteTinyAdapterOptions, writeTinyAdapter } from "./tinyAdapter.js";
export { CHATML_TEMPLATE, type TinyModelFile, type WriteTinyModelOptions, writeTinyModel } from "./tinyModel.js";

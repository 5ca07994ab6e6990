// The import preview's worker (see import-preview-runner.ts): answers each request with the
// preview, keeping the last dataset and gazetteer it was sent.
import { createPreviewResponder, type PreviewRequest } from './import-preview-runner';

const respond = createPreviewResponder();

self.onmessage = (event: MessageEvent<PreviewRequest>) => {
  const reply = respond(event.data);
  if (reply) self.postMessage(reply);
};

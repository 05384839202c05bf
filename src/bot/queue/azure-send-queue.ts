// The send queue on Azure Queue Storage, for deployments with several bot instances. Receipts carry
// the message id and the pop receipt; visibility is in whole seconds, as the service counts it.
import { QueueClient } from '@azure/storage-queue';
import { decodeMessage, encodeMessage } from './send-queue';
import type { ReceivedMessage, SendMessage, SendQueue } from './send-queue';

export interface AzureSendQueueOptions {
  /** e.g. from configuration; Azurite's well-known development connection string works too. */
  readonly connectionString: string;
  readonly queueName: string;
}

const seconds = (ms: number): number => Math.max(0, Math.ceil(ms / 1000));

export class AzureSendQueue implements SendQueue {
  readonly kind = 'azure';
  private readonly client: QueueClient;
  private created = false;

  constructor(options: AzureSendQueueOptions) {
    this.client = new QueueClient(options.connectionString, options.queueName);
  }

  private async ready(): Promise<void> {
    if (this.created) return;
    await this.client.createIfNotExists();
    this.created = true;
  }

  async enqueue(message: SendMessage, options: { delayMs?: number } = {}): Promise<void> {
    await this.ready();
    // Base64 so that any JSON survives the service's XML envelope.
    await this.client.sendMessage(Buffer.from(encodeMessage(message)).toString('base64'), {
      visibilityTimeout: seconds(options.delayMs ?? 0),
    });
  }

  async receive(max: number, visibilityMs: number): Promise<ReceivedMessage[]> {
    await this.ready();
    const response = await this.client.receiveMessages({
      numberOfMessages: Math.min(32, Math.max(1, max)),
      visibilityTimeout: Math.max(1, seconds(visibilityMs)),
    });
    const out: ReceivedMessage[] = [];
    for (const item of response.receivedMessageItems) {
      const message = decodeMessage(Buffer.from(item.messageText, 'base64').toString('utf8'));
      if (!message) {
        await this.client.deleteMessage(item.messageId, item.popReceipt);
        continue;
      }
      out.push({ message, receipt: `${item.messageId}|${item.popReceipt}`, dequeueCount: item.dequeueCount });
    }
    return out;
  }

  private split(receipt: string): [string, string] {
    const at = receipt.indexOf('|');
    return [receipt.slice(0, at), receipt.slice(at + 1)];
  }

  async complete(receipt: string): Promise<void> {
    const [id, pop] = this.split(receipt);
    await this.client.deleteMessage(id, pop);
  }

  async retryLater(receipt: string, delayMs: number): Promise<void> {
    const [id, pop] = this.split(receipt);
    await this.client.updateMessage(id, pop, undefined, seconds(delayMs));
  }

  async size(): Promise<number> {
    await this.ready();
    const props = await this.client.getProperties();
    return props.approximateMessagesCount ?? 0;
  }

  async close(): Promise<void> {
    // QueueClient holds no sockets of its own between calls.
  }
}

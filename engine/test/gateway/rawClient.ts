import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { GATEWAY_PROTO } from '../../src/gateway/loadGatewayService.js';

type Message = Record<string, unknown>;
type UnaryMethod = (
  request: Message,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, response: Message) => void,
) => grpc.ClientUnaryCall;
type StreamMethod = (
  request: Message,
  metadata?: grpc.Metadata,
  options?: grpc.CallOptions,
) => grpc.ClientReadableStream<Message>;

/** A bare gRPC client of Zeebe's gateway protocol, to send exact requests and see exact statuses. */
export class RawGatewayClient {
  private readonly client: grpc.Client & Record<string, UnaryMethod | StreamMethod>;

  constructor(address: string, options: grpc.ClientOptions = {}) {
    const definition = protoLoader.loadSync(GATEWAY_PROTO, {
      keepCase: true,
      longs: String,
      enums: String,
      defaults: true,
      oneofs: true,
    });
    const loaded = grpc.loadPackageDefinition(definition) as unknown as {
      gateway_protocol: { Gateway: grpc.ServiceClientConstructor };
    };
    this.client = new loaded.gateway_protocol.Gateway(
      address,
      grpc.credentials.createInsecure(),
      options,
    ) as unknown as grpc.Client & Record<string, UnaryMethod | StreamMethod>;
  }

  /** Calls a unary method; rejects with the grpc.ServiceError (code, details) that the gateway sent. */
  unary(method: string, request: Message, deadlineMs = 10_000): Promise<Message> {
    const fn = this.client[method] as UnaryMethod;
    return new Promise((resolve, reject) =>
      fn.call(this.client, request, new grpc.Metadata(), { deadline: Date.now() + deadlineMs }, (error, response) =>
        error ? reject(error) : resolve(response),
      ),
    );
  }

  /** Opens a server-streaming call (ActivateJobs, StreamActivatedJobs). */
  stream(method: string, request: Message): grpc.ClientReadableStream<Message> {
    const fn = this.client[method] as StreamMethod;
    return fn.call(this.client, request);
  }

  /** Collects every message of a server stream until it ends; rejects with its error status. */
  collect(method: string, request: Message): Promise<Message[]> {
    const call = this.stream(method, request);
    const messages: Message[] = [];
    return new Promise((resolve, reject) => {
      call.on('data', (message: Message) => messages.push(message));
      call.on('error', reject);
      call.on('end', () => resolve(messages));
    });
  }

  /** Sends raw bytes to a method, bypassing the protobuf serializer. */
  raw(method: string, bytes: Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) =>
      this.client.makeUnaryRequest(
        `/gateway_protocol.Gateway/${method}`,
        (value: Buffer) => value,
        (value: Buffer) => value,
        bytes,
        (error, response) => (error ? reject(error) : resolve(response!)),
      ),
    );
  }

  close(): void {
    this.client.close();
  }
}

/** Resolves to the error status a call failed with (and fails the test if it succeeded). */
export async function statusOf(call: Promise<unknown>): Promise<{ code: grpc.status; details: string }> {
  try {
    await call;
  } catch (error) {
    const { code, details } = error as grpc.ServiceError;
    return { code, details };
  }
  throw new Error('Expected the call to fail, but it succeeded');
}

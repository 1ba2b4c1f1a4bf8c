import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The gateway protocol file that the official Camunda 8 client ships (the newest one we serve). */
export const GATEWAY_PROTO = require.resolve('@camunda8/sdk/dist/proto/zeebe.proto');

/** Loads Zeebe's `gateway_protocol.Gateway` service definition with the options the official clients use. */
export function loadGatewayService(): grpc.ServiceDefinition {
  const definition = protoLoader.loadSync(GATEWAY_PROTO, {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    gateway_protocol: { Gateway: { service: grpc.ServiceDefinition } };
  };
  return loaded.gateway_protocol.Gateway.service;
}

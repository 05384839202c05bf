// The Teams SDK validates inbound Bot Framework tokens with jwks-rsa, which pulls an ESM-only jose that jest's
// CommonJS runtime cannot load. Tests run the bot in the embedded mode, where no inbound token is validated, so
// the key client is never called: this stub only has to load.
export class JwksClient {
  getSigningKey(): never {
    throw new Error('jwks-rsa is stubbed in tests: inbound token validation is not exercised');
  }
}
export default (): JwksClient => new JwksClient();

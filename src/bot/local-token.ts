// A well-formed but unsigned JWT for the embedded mode: the Teams SDK parses the bot token it sends
// to the connector; the local connector does not verify it. Never used against a real connector.
export const localBotToken = (clientId: string, now: () => number = Date.now): (() => string) => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return () => {
    const iat = Math.floor(now() / 1000);
    return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ aud: 'https://api.botframework.com', appid: clientId, iat, exp: iat + 3600 })}.local`;
  };
};

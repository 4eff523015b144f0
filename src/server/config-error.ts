// A configuration that cannot be used: stops the server at start with this message (never a secret).
export class ConfigError extends Error {}

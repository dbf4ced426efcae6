// One line per operation: export * as <operation> from ./<operation>.operation
export {};

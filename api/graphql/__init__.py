"""The GraphQL API (Strawberry): schema, context and one module of resolvers per user journey."""

"""The HTTP surface: routes, request and response shapes, authentication, errors, events."""

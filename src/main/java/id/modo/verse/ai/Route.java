package id.modo.verse.ai;

import id.modo.verse.ai.provider.Connection;

/** One way to serve a request: a catalogue model and the key it is called with, the organization's own or the platform's. */
record Route(AiModel model, Connection connection, boolean ownKey) {
}

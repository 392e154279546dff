// Server-sent events read from a fetch response (EventSource cannot POST): calls on(name, data) for each event as it
// arrives, data parsed as JSON. Shared by the AI Generate buttons (ai-generate.js, studio-ai.js).
window.modoPostedEvents = function (response, on) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = '';
    function dispatch(block) {
        var name = 'message';
        var data = [];
        block.split('\n').forEach(function (line) {
            if (line.indexOf('event:') === 0) {
                name = line.slice(6).trim();
            } else if (line.indexOf('data:') === 0) {
                data.push(line.slice(5).replace(/^ /, ''));
            }
        });
        if (data.length) {
            on(name, JSON.parse(data.join('\n')));
        }
    }
    function read() {
        return reader.read().then(function (chunk) {
            if (chunk.done) {
                if (buffer.trim()) {
                    dispatch(buffer);
                }
                return;
            }
            buffer += decoder.decode(chunk.value, {stream: true}).replace(/\r\n/g, '\n');
            var end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
                dispatch(buffer.slice(0, end));
                buffer = buffer.slice(end + 2);
            }
            return read();
        });
    }
    return read();
};

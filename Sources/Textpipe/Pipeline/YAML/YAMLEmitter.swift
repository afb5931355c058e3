import CLibYAML

/// Writes a ``YAMLNode`` back as YAML text with libyaml's emitter, for `describe`.
///
/// Collections come out in block style (`{}` when empty), scalars in the
/// style they were written in, so `'0.8'` stays a quoted string; libyaml
/// quotes a plain scalar that would not read back as written. Aliases come
/// out expanded; the parser has bounded how far that goes. Lines fold at 80
/// columns, as Yams' emitter did.
enum YAMLEmitter {
    /// The YAML text of `node` without a trailing newline, or `nil` if libyaml fails.
    static func serialize(_ node: YAMLNode) -> String? {
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        defer { emitter.deallocate() }
        guard yaml_emitter_initialize(emitter) == 1 else { return nil }
        defer { yaml_emitter_delete(emitter) }
        let output = Output()
        yaml_emitter_set_output(
            emitter,
            { data, buffer, size in
                guard let data, let buffer else { return 0 }
                Unmanaged<Output>.fromOpaque(data).takeUnretainedValue().bytes
                    .append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                return 1
            }, Unmanaged.passUnretained(output).toOpaque())
        yaml_emitter_set_unicode(emitter, 1)
        let emitted = withExtendedLifetime(output) { () -> Bool in
            var event = yaml_event_t()
            guard yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING) == 1,
                yaml_emitter_emit(emitter, &event) == 1,
                yaml_document_start_event_initialize(&event, nil, nil, nil, 1) == 1,
                yaml_emitter_emit(emitter, &event) == 1,
                emit(node, to: emitter),
                yaml_document_end_event_initialize(&event, 1) == 1,
                yaml_emitter_emit(emitter, &event) == 1,
                yaml_stream_end_event_initialize(&event) == 1,
                yaml_emitter_emit(emitter, &event) == 1
            else { return false }
            return true
        }
        guard emitted else { return nil }
        var text = Substring(String(decoding: output.bytes, as: UTF8.self))
        while text.last?.isNewline == true { text.removeLast() }
        return String(text)
    }

    /// Emits `node` depth first; `yaml_emitter_emit` takes over (and frees) each event.
    private static func emit(_ node: YAMLNode, to emitter: UnsafeMutablePointer<yaml_emitter_t>) -> Bool {
        var event = yaml_event_t()
        switch node.content {
        case .scalar(let scalar):
            var bytes = Array(scalar.text.utf8)
            let initialized = bytes.withUnsafeMutableBufferPointer { buffer in
                yaml_scalar_event_initialize(
                    &event, nil, nil, buffer.baseAddress, Int32(buffer.count), 1, 1, style(scalar.style))
            }
            return initialized == 1 && yaml_emitter_emit(emitter, &event) == 1
        case .sequence(let items):
            guard yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE) == 1,
                yaml_emitter_emit(emitter, &event) == 1,
                items.allSatisfy({ emit($0, to: emitter) }),
                yaml_sequence_end_event_initialize(&event) == 1
            else { return false }
            return yaml_emitter_emit(emitter, &event) == 1
        case .mapping(let pairs):
            guard yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE) == 1,
                yaml_emitter_emit(emitter, &event) == 1,
                pairs.allSatisfy({ emit($0.key, to: emitter) && emit($0.value, to: emitter) }),
                yaml_mapping_end_event_initialize(&event) == 1
            else { return false }
            return yaml_emitter_emit(emitter, &event) == 1
        }
    }

    private static func style(_ style: YAMLScalar.Style) -> yaml_scalar_style_t {
        switch style {
        case .plain: YAML_PLAIN_SCALAR_STYLE
        case .singleQuoted: YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted: YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal: YAML_LITERAL_SCALAR_STYLE
        case .folded: YAML_FOLDED_SCALAR_STYLE
        }
    }

    /// Where the write handler puts the text.
    private final class Output {
        var bytes: [UInt8] = []
    }
}

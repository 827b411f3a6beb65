namespace Qwen3EvalTests.Inference.Tokenizers;

/// <summary>A Qwen-style ChatML chat template (Jinja) for generated instruct models.</summary>
public static class ChatMlTemplate
{
    public const string Jinja =
        "{% for message in messages %}"
        + "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
        + "{% endfor %}"
        + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
}

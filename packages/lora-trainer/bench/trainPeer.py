"""PyTorch CPU peer of bench/train.ts: one LoRA training step (r=8, alpha=16 on q/k/v/o, frozen base, AdamW) on
the same Llama/Qwen2-shaped decoder. Prints one JSON line. Run with /usr/bin/python3 (Debian python3-torch)."""
import json, math, sys, time
import torch

cfg = json.loads(sys.argv[1])
torch.manual_seed(0)
torch.set_num_threads(cfg.get("threads", 2))
V, D, L, H, KV, F = cfg["vocab"], cfg["dim"], cfg["layers"], cfg["heads"], cfg["kvHeads"], cfg["ffn"]
B, T, R, ALPHA = cfg["batch"], cfg["seq"], 8, 16
hd = D // H

def frozen(*shape, std):
    return (torch.randn(*shape) * std).requires_grad_(False)

class Lora(torch.nn.Module):
    def __init__(self, n_in, n_out, bias):
        super().__init__()
        self.w = frozen(n_in, n_out, std=n_in ** -0.5)
        self.b = frozen(n_out, std=0.02) if bias else None
        self.a = torch.nn.Parameter(torch.empty(n_in, R).uniform_(-n_in ** -0.5, n_in ** -0.5))
        self.bb = torch.nn.Parameter(torch.zeros(R, n_out))
    def forward(self, x):
        y = x @ self.w + (x @ self.a @ self.bb) * (ALPHA / R)
        return y + self.b if self.b is not None else y

def rms(x, g):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-6) * g

inv = 1.0 / (10000 ** (torch.arange(0, hd, 2).float() / hd))
ang = torch.outer(torch.arange(T).float(), inv)
cos, sin = torch.cat([ang.cos()] * 2, -1), torch.cat([ang.sin()] * 2, -1)
def rope(x):  # NEOX halves, x [B, h, T, hd]
    x1, x2 = x[..., : hd // 2], x[..., hd // 2 :]
    return x * cos + torch.cat([-x2, x1], -1) * sin

class Model(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = frozen(V, D, std=1.0)
        self.layers = torch.nn.ModuleList()
        for _ in range(L):
            m = torch.nn.Module()
            m.q, m.k, m.v, m.o = Lora(D, H * hd, True), Lora(D, KV * hd, True), Lora(D, KV * hd, True), Lora(H * hd, D, False)
            m.gate, m.up, m.down = frozen(D, F, std=D ** -0.5), frozen(D, F, std=D ** -0.5), frozen(F, D, std=F ** -0.5)
            self.layers.append(m)
        self.norm = torch.ones(D)
    def forward(self, ids):
        x = self.emb[ids]
        mask = torch.full((T, T), float("-inf")).triu(1)
        for m in self.layers:
            h = rms(x, self.norm)
            q = rope(m.q(h).view(B, T, H, hd).transpose(1, 2))
            k = rope(m.k(h).view(B, T, KV, hd).transpose(1, 2)).repeat_interleave(H // KV, 1)
            v = m.v(h).view(B, T, KV, hd).transpose(1, 2).repeat_interleave(H // KV, 1)
            att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(hd) + mask, -1) @ v
            x = x + m.o(att.transpose(1, 2).reshape(B, T, D))
            h = rms(x, self.norm)
            x = x + (torch.nn.functional.silu(h @ m.gate) * (h @ m.up)) @ m.down
        return rms(x, self.norm) @ self.emb.T

model = Model()
opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-4, weight_decay=0.0)
ids = torch.randint(0, V, (B, T))
def step():
    loss = torch.nn.functional.cross_entropy(model(ids)[:, :-1].reshape(-1, V), ids[:, 1:].reshape(-1))
    loss.backward()
    torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], 0.5)
    opt.step()
    opt.zero_grad()
times = []
for i in range(cfg.get("warmup", 1) + cfg.get("repeats", 3)):
    t = time.perf_counter(); step(); times.append((time.perf_counter() - t) * 1000)
times = sorted(times[cfg.get("warmup", 1):])
med = times[len(times) // 2]
a, b = torch.randn(1024, 1024), torch.randn(1024, 1024)
for _ in range(3): a @ b
t = time.perf_counter()
for _ in range(10): a @ b
matmul_gflops = 2 * 1024 ** 3 / ((time.perf_counter() - t) / 10) / 1e9
# Debian's torch calls the generic libblas.so.3; which library that resolved to shows in the process's mappings.
blas = sorted({l.split()[-1].rsplit("/", 1)[-1] for l in open("/proc/self/maps") if "blas" in l})
print(json.dumps({"backend": "pytorch " + torch.__version__ + " cpu, " + str(torch.get_num_threads()) + " threads",
                  "blas": blas, "matmul1024Gflops": round(matmul_gflops, 2), "medianMs": med, "tokensPerSecond": B * T / (med / 1000)}))

"""Chinese catalog for h11b's checker modules (ex10, concepts): English template -> 中文.

Merged into :data:`convkit_course.exercises.messages_zh.ZH`; same rules (same {fields}).
"""

ZH = {
    'for x {x}, w {w}, stride {s}, pad {p}':
        '对 x {x}、w {w}、步幅 {s}、填充 {p}',
    '{where}, y has shape {got}; expected (N, F, Ho, Wo) = {want}, with Ho = (H + 2P - KH) // S + 1.':
        '{where}，y 的形状是 {got}；应为 (N, F, Ho, Wo) = {want}，其中 Ho = (H + 2P - KH) // S + 1。',
    '{where}, y has the right shape but {count} of {size} entries differ; the first is y{first}: got {got:.6g}, expected {want:.6g}.':
        '{where}，y 的形状对了，但 {size} 个元素中有 {count} 个不同；第一个是 y{first}：得到 {got:.6g}，应为 {want:.6g}。',
    '{where}, db is not dy summed over N, Ho and Wo.':
        '{where}，db 不是 dy 在 N、Ho 和 Wo 上的和。',
    '{where}, dw fails the gradient check (compared with a numerical gradient); the largest relative error is {err:.3g}.':
        '{where}，dw 没有通过梯度检验（与数值梯度比较）；最大相对误差为 {err:.3g}。',
    '{where}, dx fails the gradient check (compared with a numerical gradient); the largest relative error is {err:.3g}.':
        '{where}，dx 没有通过梯度检验（与数值梯度比较）；最大相对误差为 {err:.3g}。',
    "your layer gives the right y, dx, dw and db for batches, channels, filters, stride 2, padding and a non-square kernel, matches convkit's oracle and passes a numerical gradient check. Notebook 11 trains a network with it.":
        '你的层对批量、多通道、多个卷积核、步幅 2、填充和非正方形卷积核都给出了正确的 y、dx、dw 和 db，与 convkit 的参考实现一致，并通过了数值梯度检验。notebook 11 会用它训练一个网络。',
    '{where}, y has shape {got}; expected 4 axes (N, F, Ho, Wo) = {want}.':
        '{where}，y 的形状是 {got}；应有 4 个轴 (N, F, Ho, Wo) = {want}。',
    '{where}, y has shape {got}: the batch and filter axes are swapped; expected (N, F, Ho, Wo) = {want}.':
        '{where}，y 的形状是 {got}：批量轴和 F 轴（卷积核轴）交换了；应为 (N, F, Ho, Wo) = {want}。',
    '{where}, y has {c} channels — one per input channel. A filter sums over all C input channels and gives one output channel: y has F = {f} channels, shape {want}.':
        '{where}，y 有 {c} 个通道——每个输入通道一个。一个卷积核对全部 C 个输入通道求和，得到一个输出通道：y 有 F = {f} 个通道，形状 {want}。',
    '{where}, y has shape {got}: that is the stride-1 output. With stride {s} the window jumps {s} pixels: Ho = (H + 2P - KH) // S + 1, so expected {want}.':
        '{where}，y 的形状是 {got}：这是步幅为 1 时的输出。步幅为 {s} 时窗口每次跳 {s} 个像素：Ho = (H + 2P - KH) // S + 1，所以应为 {want}。',
    '{where}, y has shape {got}: the padding is missing. Pad x with {p} zeros on every side of H and W first; expected {want}.':
        '{where}，y 的形状是 {got}：少了填充。先在 x 的 H 和 W 两边各填充 {p} 个零；应为 {want}。',
    '{where}, y has shape {got}: the padding was added on one side only; pad both sides (P before and P after); expected {want}.':
        '{where}，y 的形状是 {got}：只在一侧做了填充；两侧都要填充（前面 P 个、后面 P 个）；应为 {want}。',
    '{where}, y has shape {got}: height and width are swapped; expected {want}.':
        '{where}，y 的形状是 {got}：高和宽交换了；应为 {want}。',
    '{where}, y is right except for the bias: add b[f] to every output of filter f (b has shape (F,), so b[None, :, None, None]).':
        '{where}，y 除了偏置以外都对：给卷积核 f 的每个输出加上 b[f]（b 的形状是 (F,)，所以用 b[None, :, None, None]）。',
    '{where}, y is a true convolution: you flipped (rotated) the kernel. A conv layer computes cross-correlation — no flip (notebook 01).':
        '{where}，y 是真正的卷积：你把卷积核翻转（旋转）了。卷积层计算的是互相关——不翻转（notebook 01）。',
    '{where}, y uses the kernel transposed: w[f, c, i, j] multiplies x[..., row + i, column + j] (i along H, j along W).':
        '{where}，y 用了转置的卷积核：w[f, c, i, j] 乘的是 x[..., row + i, column + j]（i 沿 H，j 沿 W）。',
    '{where}, y only uses input channel 0: sum over all C channels.':
        '{where}，y 只用了输入通道 0：要对全部 C 个通道求和。',
    '{where}, every output got the sum of all biases: filter f adds only its own b[f].':
        '{where}，每个输出都加上了所有偏置之和：卷积核 f 只加它自己的 b[f]。',
    "{where}, y was padded with ones: pad with zeros (np.pad's default).":
        '{where}，y 是用 1 填充的：要用 0 填充（np.pad 的默认值）。',
    '{where}, in conv_forward':
        '{where}，在 conv_forward 中',
    '{where}, db is one number: each filter has its own bias, so db has shape (F,) = ({f},) — sum dy over every axis except the filter axis.':
        '{where}，db 只是一个数：每个卷积核有自己的偏置，所以 db 的形状是 (F,) = ({f},)——对除 F 轴（卷积核轴）以外的所有轴求和。',
    '{where}, db has shape {got}, one row per image: the bias is shared by the whole batch, so sum over N too; expected ({f},).':
        '{where}，db 的形状是 {got}，每张图像一行：偏置由整个批量共享，所以也要对 N 求和；应为 ({f},)。',
    '{where}, db has shape {got}; expected (F,) = ({f},).':
        '{where}，db 的形状是 {got}；应为 (F,) = ({f},)。',
    '{where}, db is divided by the batch size N: sum over the batch, do not average (the loss already did any averaging).':
        '{where}，db 除以了批量大小 N：要对批量求和，不要取平均（损失已经做过需要的平均）。',
    "{where}, db only has image 0's contribution: sum over the whole batch (axis 0) too.":
        '{where}，db 只有第 0 张图像的贡献：还要对整个批量（轴 0）求和。',
    "{where}, dw has shape {got}; expected w's shape {want}.":
        '{where}，dw 的形状是 {got}；应为 w 的形状 {want}。',
    "{where}, dw is divided by the batch size N: dW sums the images' contributions (notebook 04), no average.":
        '{where}，dw 除以了批量大小 N：dW 是各图像贡献之和（notebook 04），不取平均。',
    "{where}, dw only has image 0's contribution: dW is summed over the batch — every image used the same weights.":
        '{where}，dw 只有第 0 张图像的贡献：dW 要对批量求和——每张图像用的是同一组权重。',
    '{where}, dw is rotated by 180°: dW is not rotated — the indices of dy and x grow together (notebook 04).':
        '{where}，dw 旋转了180度：dW 不旋转——dy 和 x 的下标一起增长（notebook 04）。',
    '{where}, dw ignores the stride in the backward pass: output (r, c) read the window at (r·{s}, c·{s}), so weight (i, j) met xpad[..., r·{s} + i, c·{s} + j] (notebook 05).':
        '{where}，dw 在反向传播中忽略了步幅：输出 (r, c) 读取的是位于 (r·{s}, c·{s}) 的窗口，所以权重 (i, j) 遇到的是 xpad[..., r·{s} + i, c·{s} + j]（notebook 05）。',
    '{where}, dw uses the unpadded x: the weights met the padded input, so correlate xpad (x with {p} zeros on every side) with dy.':
        '{where}，dw 用了未填充的 x：权重遇到的是填充后的输入，所以要把 xpad（x 四周各填充 {p} 个零）与 dy 做互相关。',
    "{where}, dx has shape {got}; expected x's shape {want}.":
        '{where}，dx 的形状是 {got}；应为 x 的形状 {want}。',
    '{where}, dx ignores the stride in the backward pass: output (r, c) sends dy × w back to the window at (r·{s}, c·{s}), not (r, c) (notebook 05).':
        '{where}，dx 在反向传播中忽略了步幅：输出 (r, c) 把 dy × w 送回位于 (r·{s}, c·{s}) 的窗口，而不是 (r, c)（notebook 05）。',
    "{where}, dx only has filter 0's contribution: every filter read x, so dx sums over all F filters.":
        '{where}，dx 只有卷积核 0 的贡献：每个卷积核都读了 x，所以 dx 要对全部 F 个卷积核求和。',
    '{where}, dx uses the kernel rotated the wrong way: in the full correlation form the kernel is rotated 180° (notebook 03); in the scatter form (dy × w added onto each window) it is not rotated at all.':
        '{where}，dx 用的卷积核方向不对：在全互相关的写法中卷积核要旋转180度（notebook 03）；在散布写法中（把 dy × w 加回每个窗口）则完全不旋转。',
    '{where}, dx is divided by the batch size N: each image gets its own gradient, nothing is averaged.':
        '{where}，dx 除以了批量大小 N：每张图像得到自己的梯度，不取平均。',
    '{where}, in conv_backward':
        '{where}，在 conv_backward 中',
    'conv_backward does not use its cache: after a second forward call it gave wrong gradients for the first one. Keep everything backward needs (x, w, b, stride, pad) in cache, not in global variables.':
        'conv_backward 没有使用它的 cache：再调用一次前向传播之后，它给第一次调用算出的梯度就错了。把反向传播需要的一切（x、w、b、stride、pad）放进 cache，而不是放在全局变量里。',
    '{where}, y holds the first stride-1 outputs: with stride {s}, output (r, c) reads the window at (r·{s}, c·{s}) of the padded input.':
        '{where}，y 是步幅为 1 时的前几个输出：步幅为 {s} 时，输出 (r, c) 读取的是填充后输入中位于 (r·{s}, c·{s}) 的窗口。',
    'your layer changed its inputs x, w or b in place (e.g. x += ... or x[...] = ...): work on copies or new arrays.':
        '你的层原地修改了输入 x、w 或 b（例如 x += ... 或 x[...] = ...）：请在副本或新数组上计算。',
    "conv_forward is still empty: it returns ... — write the forward pass (the scaffold's y = ...).":
        'conv_forward 还是空的：它返回 ... ——请写出前向传播（脚手架里的 y = ...）。',
    '{where}, conv_forward should return two things, (y, cache); it returned a {kind}.':
        '{where}，conv_forward 应当返回两个东西 (y, cache)；它返回了一个 {kind}。',
    '{where}, db has shape {got}: the numbers are right, but b has shape (F,), so db must too: sum dy over N, Ho and Wo (axis=(0, 2, 3)) and you get shape ({f},).':
        '{where}，db 的形状是 {got}：数值是对的，但 b 的形状是 (F,)，所以 db 也必须是：对 dy 在 N、Ho 和 Wo 上求和（axis=(0, 2, 3)），得到形状 ({f},)。',
    '{where}, dw has shape {got}: one dW per image. The same weights serve every image, so sum over the batch; expected {want}.':
        '{where}，dw 的形状是 {got}：每张图像一个 dW。同一组权重服务于每张图像，所以要对批量求和；应为 {want}。',
    "{where}, dx has shape {got}, the padded input's: the padding is not an input, so crop {p} rows and columns from every side (dxpad[:, :, {p}:-{p}, {p}:-{p}]); expected {want}.":
        '{where}，dx 的形状是 {got}，是填充后输入的形状：填充不是输入，所以要从每一侧裁掉 {p} 行和 {p} 列（dxpad[:, :, {p}:-{p}, {p}:-{p}]）；应为 {want}。',
    '{where}, dx is cropped at the wrong place: drop {p} rows and columns from *each* side of the padded gradient, [:, :, {p}:{p} + H, {p}:{p} + W].':
        '{where}，dx 裁剪的位置不对：要从填充后梯度的*每一侧*各去掉 {p} 行和列，即 [:, :, {p}:{p} + H, {p}:{p} + W]。',
    'conv_backward changed dy in place: work on a copy or new arrays (dy belongs to the layer above).':
        'conv_backward 原地修改了 dy：请在副本或新数组上计算（dy 属于上一层）。',
    'conv_forward passes every test. conv_backward is still empty: it returns ... — now write the backward pass.':
        'conv_forward 通过了所有测试。conv_backward 还是空的：它返回 ... ——现在来写反向传播。',
    '{where}, conv_backward should return three arrays, (dx, dw, db); it returned a {kind}.':
        '{where}，conv_backward 应当返回三个数组 (dx, dw, db)；它返回了一个 {kind}。',
    '{name} disagrees with the numerical gradient of your own conv_forward (relative error {err:.3g}).':
        '{name} 与你自己的 conv_forward 的数值梯度不一致（相对误差 {err:.3g}）。',
    '{where}, conv_backward returns ... for {name}: write it.':
        '{where}，conv_backward 对 {name} 返回了 ...：请写出它。',
}

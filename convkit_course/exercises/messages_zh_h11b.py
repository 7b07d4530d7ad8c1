"""Chinese catalog for h11b's checker module concepts (ex10 is an exercise unit now): English
template -> 中文.

Merged into :data:`convkit_course.exercises.messages_zh.ZH`; same rules (same {fields}).
"""

ZH = {
    '(a) is not it: no kernel in the course is assumed symmetric — the checks use random kernels, and dW still comes out unrotated.':
        '(a) 不对：课程中没有假设卷积核是对称的——检验用的是随机卷积核，dW 仍然不旋转。',
    '(c) is not it: padding changes where dZ sits, not its orientation; and dW has no extra padding at stride 1.':
        '(c) 不对：填充改变的是 dZ 的位置，而不是它的方向；而且步幅为 1 时 dW 没有额外的填充。',
    '(d) is not it: the rotation in dX is not a convention — a transposed (unrotated) kernel gives wrong numbers there, as notebook 03 checked.':
        '(d) 不对：dX 中的旋转不是一种约定——用转置（不旋转）的卷积核会得到错误的数值，notebook 03 检验过。',
    'for x {h}x{w}, kernel {kh}x{kw}, stride {s}, padding {p}, dilation {d}':
        '对 {h}×{w} 的 x、{kh}×{kw} 的卷积核、步幅 {s}、填充 {p}、膨胀 {d}',
    'dW = (X padded by P) correlated with (dZ with S − 1 zeros between its entries), read at step D — right for stride, padding, dilation and non-square kernels.':
        'dW =（填充 P 后的 X）与（元素之间插入 S − 1 个零的 dZ）的互相关，再每隔 D 个取一个——对步幅、填充、膨胀和非正方形卷积核都正确。',
    '{where}, {count} of {size} entries of dw differ; the first is dw{first}: got {got:.6g}, expected {want:.6g}.':
        '{where}，dw 的 {size} 个元素中有 {count} 个不同；第一个是 dw{first}：得到 {got:.6g}，应为 {want:.6g}。',
    "k0 meets the window's top-left input, x0. Input 12 sits at row 2, column 2 of output 0's window.":
        'k0 遇到的是窗口左上角的输入 x0。输入 12 位于输出 0 的窗口的第 2 行、第 2 列。',
    "k4 is the centre of the kernel — it meets input 12 in output 4, whose window is centred on it. In output 0's window (rows 0-2, columns 0-2) input 12 is the bottom-right corner.":
        'k4 是卷积核的中心——它在输出 4 中遇到输入 12，因为那个窗口以输入 12 为中心。在输出 0 的窗口（第 0-2 行、第 0-2 列）里，输入 12 是右下角。',
    "12 is the input's id; the question asks for the kernel id written in panel z0 at input 12.":
        '12 是输入的 id；问题问的是小图 z0 中写在输入 12 上的卷积核 id。',
    "k6 is the bottom-left weight; input 12 is in the window's bottom row but in its right column.":
        'k6 是左下角的权重；输入 12 在窗口的最下一行，但在最右一列。',
    "k8: input 12 is the bottom-right corner of output 0's window, so it meets the bottom-right weight. In output 4 it would meet k4, in output 8 k0.":
        'k8：输入 12 是输出 0 的窗口的右下角，所以它遇到右下角的权重。在输出 4 中它遇到 k4，在输出 8 中遇到 k0。',
    'find input 12 in panel z0 of the forward map: which row and column of the 3×3 window is it in? Kernel id = 3 × row + column.':
        '在前向图的小图 z0 中找到输入 12：它在 3×3 窗口的哪一行、哪一列？卷积核 id = 3 × 行 + 列。',
    'your kernel id':
        '你的卷积核 id',
    '9 is the count of an input that every window covering its neighbourhood reaches — here input (1, 2) is near the top: only the windows starting at rows 0 and 1 contain row 1.':
        '9 是被周围所有窗口都覆盖的输入的参与度——这里输入 (1, 2) 靠近上边：只有从第 0 行和第 1 行开始的窗口包含第 1 行。',
    'that counts the windows along one axis only. Rows: windows start at 0 and 1 (2 of them); columns: at 0, 1, 2 (3 of them); every combination is one output.':
        '这只数了一个轴上的窗口。行：窗口从 0 和 1 开始（2 个）；列：从 0、1、2 开始（3 个）；每一种组合是一个输出。',
    'windows along rows × along columns, not plus: 2 × 3.':
        '沿行的窗口数 × 沿列的窗口数，不是相加：2 × 3。',
    "4 is the count of a 5×5 input's pixel (1, 1); here the input is 6×6 and the pixel is (1, 2): count the windows covering row 1 and those covering column 2.":
        '4 是 5×5 输入中像素 (1, 1) 的参与度；这里输入是 6×6，像素是 (1, 2)：数一数覆盖第 1 行的窗口和覆盖第 2 列的窗口。',
    '6 terms: the windows covering row 1 start at rows 0, 1 and those covering column 2 at columns 0, 1, 2 — 2 × 3 outputs, one term dZ·k each (its participation count).':
        '6 项：覆盖第 1 行的窗口从第 0、1 行开始，覆盖第 2 列的窗口从第 0、1、2 列开始——2 × 3 个输出，每个贡献一项 dZ·k（即它的参与度）。',
    'count the outputs input (1, 2) feeds: (windows covering row 1) × (windows covering column 2). Each is one term of its gradient.':
        '数一数输入 (1, 2) 参与了多少个输出：（覆盖第 1 行的窗口数）×（覆盖第 2 列的窗口数）。每个输出是它梯度中的一项。',
    'your count':
        '你的计数',
    '(b): in dW[i, j] = Σ dZ[a, b] · X[i + a, j + b] the indices of dZ and X grow together — a correlation. In dX, input p receives dZ[o] · K[p - o]: the kernel index runs against the output index, and that minus sign is the 180° rotation.':
        '(b)：在 dW[i, j] = Σ dZ[a, b] · X[i + a, j + b] 中，dZ 和 X 的下标一起增长——这是互相关。在 dX 中，输入 p 得到 dZ[o] · K[p - o]：卷积核下标与输出下标反向变化，这个负号就是旋转180度。',
    '1 = D − 1 would be the zeros of a dilated *kernel*. In the dW recipe dZ is spread by the *stride*: S − 1 zeros; the dilation D becomes the step at which the correlation is read.':
        '1 = D − 1 是膨胀*卷积核*时插入的零的个数。在 dW 的做法中，dZ 是按*步幅*展开的：S − 1 个零；膨胀 D 则变成读取互相关时的间隔（每隔 D 个取一个）。',
    "3 is the spacing of dZ's entries (the stride); between two entries that leaves S − 1 zeros.":
        '3 是 dZ 元素之间的间距（步幅）；两个元素之间剩下 S − 1 个零。',
    'with stride 1 there would be none; with stride 3 neighbouring outputs are 3 input pixels apart, so their dZ entries are spread out.':
        '步幅为 1 时一个零也没有；步幅为 3 时相邻输出在输入上相隔 3 个像素，所以它们的 dZ 元素要展开。',
    'S + D is not a rule of the recipe: only the stride spreads dZ.':
        'S + D 不是这个做法的规则：只有步幅会展开 dZ。',
    '(S − 1)·D mixes the two knobs: only the stride spreads dZ (S − 1 zeros); the dilation is the step at which the correlation is read.':
        '(S − 1)·D 把两个超参数混在一起了：只有步幅展开 dZ（S − 1 个零）；膨胀是读取互相关时的间隔。',
    'S − 1 = 2 zeros: dW is the padded X correlated with dZ spread by the stride, read at step D = 2 — stride and dilation swap roles.':
        'S − 1 = 2 个零：dW 是填充后的 X 与按步幅展开的 dZ 的互相关，再每隔 D = 2 个取一个——步幅和膨胀互换了角色。',
    'go back to step 3 of the derivation: dZ_S[S·a, S·b] = dZ[a, b].':
        '回到推导的第 3 步：dZ_S[S·a, S·b] = dZ[a, b]。',
    'your number of zeros':
        '你给出的零的个数',
    "{where}, dw has shape {got}; expected the kernel's shape {want}.":
        '{where}，dw 的形状是 {got}；应为卷积核的形状 {want}。',
    '{where}, dw is rotated by 180°: dW is not rotated — the indices of dZ and X grow together.':
        '{where}，dw 旋转了180度：dW 不旋转——dZ 和 X 的下标一起增长。',
    "24 is the input's size. cols has a column per output (2 × 4 = 8) and a row per kernel weight (9): every input pixel is copied once per window it sits in.":
        '24 是输入的大小。cols 每个输出一列（2 × 4 = 8），每个卷积核权重一行（9）：每个输入像素在它所在的每个窗口里各复制一次。',
    '8 is the number of outputs — the number of columns. Each column holds a whole 3×3 window: 9 entries.':
        '8 是输出的个数——也就是列数。每一列装着一个完整的 3×3 窗口：9 个元素。',
    '9 is the number of rows (one per kernel weight). There is one column per output: (4 − 3 + 1) × (6 − 3 + 1) of them.':
        '9 是行数（每个卷积核权重一行）。每个输出一列：共 (4 − 3 + 1) × (6 − 3 + 1) 列。',
    '216 = 24 × 9 would copy every input 9 times. Only inputs inside a window are copied, once per window: (outputs) × (kernel weights).':
        '216 = 24 × 9 相当于把每个输入都复制 9 次。只有窗口里的输入才会被复制，每个窗口一次：（输出数）×（卷积核权重数）。',
    "81 is the 5×5 example's count. Here the input is 4×6: (4 − 3 + 1) × (6 − 3 + 1) outputs, 9 weights each.":
        '81 是 5×5 例子的计数。这里输入是 4×6：(4 − 3 + 1) × (6 − 3 + 1) 个输出，每个 9 个权重。',
    '72 = 8 outputs × 9 kernel weights: cols is (9, 8); the 24 input pixels are copied 3 times each on average.':
        '72 = 8 个输出 × 9 个卷积核权重：cols 的形状是 (9, 8)；24 个输入像素平均每个被复制 3 次。',
    'cols has one column per output and one row per kernel weight: (number of outputs) × 9.':
        'cols 每个输出一列、每个卷积核权重一行：（输出数）× 9。',
    '9 windows contain the pixel — but each window is read by all 8 filters, and each filter sends back its own dY × weight.':
        '有 9 个窗口包含这个像素——但每个窗口被全部 8 个卷积核读取，每个卷积核都送回自己的 dY × 权重。',
    'the pixel belongs to one channel; the other channels have their own pixels. What multiplies the 9 windows is the number of filters, F = 8.':
        '这个像素只属于一个通道；其他通道有它们自己的像素。乘以 9 个窗口的是卷积核的个数 F = 8。',
    "the 3 channels do not add terms to one pixel's gradient: each channel's pixel gets its own dX. 9 windows × 8 filters.":
        '3 个通道不会给同一个像素的梯度增加项：每个通道的像素有自己的 dX。9 个窗口 × 8 个卷积核。',
    "8 filters — and each reads the pixel in 9 windows (an interior pixel of a 3×3 kernel's participation count).":
        '8 个卷积核——而每个卷积核在 9 个窗口里读取这个像素（3×3 卷积核下内部像素的参与度）。',
    'channels × filters does not count windows: the pixel sits in 9 windows, each read by 8 filters.':
        '“通道数 × 卷积核数”没有把窗口数算进去：这个像素位于 9 个窗口中，每个窗口被 8 个卷积核读取。',
    '72 = 9 windows × 8 filters: every filter reads every input pixel, so dX sums over F (with all weights 1 and dY all ones, dX = F × the participation counts).':
        '72 = 9 个窗口 × 8 个卷积核：每个卷积核都读取每个输入像素，所以 dX 要对 F 求和（权重全为 1、dY 全为 1 时，dX = F × 参与度）。',
    'count the windows that contain an interior pixel (its participation count), then how many filters read each window.':
        '先数包含一个内部像素的窗口个数（它的参与度），再数每个窗口被多少个卷积核读取。',
    'your answer is still empty: replace the ... with a letter in quotes, e.g. "a".':
        '你的答案还是空的：把 ... 换成一个带引号的字母，例如 "a"。',
    'answer with one letter in quotes, e.g. "a"; got a {kind}.':
        '请用一个带引号的字母作答，例如 "a"；得到的是一个 {kind}。',
    'answer with one of the letters {letters}; got {got!r}.':
        '请用这些字母之一作答：{letters}；得到的是 {got!r}。',
    'weight_gradient returns ... / None: write its code.':
        'weight_gradient 返回了 ... / None：请写出它的代码。',
    '{where}, weight_gradient changed x or dz in place: work on copies.':
        '{where}，weight_gradient 原地修改了 x 或 dz：请在副本上计算。',
    '{where}, dw has shape {got}: height and width are swapped; expected (KH, KW) = {want}.':
        '{where}，dw 的形状是 {got}：高和宽交换了；应为 (KH, KW) = {want}。',
    '{where}, dw has shape {got}: that is the whole correlation. Keep only the entries at step D = {d}, the first KH × KW = {want}.':
        '{where}，dw 的形状是 {got}：这是整个互相关的结果。只保留每隔 D = {d} 个取出的元素，即前 KH × KW = {want} 个。',
    '{where}, dw ignores the padding: the weights met the padded input, so correlate X padded by P = {p} with the spread dZ.':
        '{where}，dw 忽略了填充：权重遇到的是填充后的输入，所以要把填充 P = {p} 后的 X 与展开后的 dZ 做互相关。',
    "{where}, dw has x's shape {got}: that looks like dX. dW has the kernel's shape {want}.":
        '{where}，dw 的形状是 x 的形状 {got}：这看起来像 dX。dW 的形状是卷积核的形状 {want}。',
    '{where}, dw ignores the stride: spread dZ first — S − 1 = {z} zeros between neighbouring entries — because output (a, b) read the window at (S·a, S·b).':
        '{where}，dw 忽略了步幅：先展开 dZ——在相邻元素之间插入 S − 1 = {z} 个零——因为输出 (a, b) 读取的是位于 (S·a, S·b) 的窗口。',
    '{where}, dw ignores the dilation: read the correlation at step D = {d} (positions 0, D, 2D, …), not at every position.':
        '{where}，dw 忽略了膨胀：读取互相关时要每隔 D = {d} 个取一个（位置 0、D、2D、…），而不是每个位置都取。',
    '{where}, dw swaps stride and dilation: spread dZ by the stride S = {s} and read at step D = {d}, not the other way round.':
        '{where}，dw 把步幅和膨胀弄反了：要按步幅 S = {s} 展开 dZ，再每隔 D = {d} 个取一个，而不是反过来。',
    '{where}, dw is transposed: entry [i, j] belongs at [j, i].':
        '{where}，dw 转置了：元素 [i, j] 应该在 [j, i]。',
}

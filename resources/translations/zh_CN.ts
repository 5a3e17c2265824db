<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>nndesk</name>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>  (not a whole number: the last window does not fit and is dropped)</source>
        <translation>  （不是整数：最后一个窗口放不下，被舍弃）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source> (first {shown})</source>
        <translation>（前 {shown} 个）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source> (first {units})</source>
        <translation>（前 {units} 个）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source> The first layer's filters before and after training (fig. 7-24) are in the window's filter view.</source>
        <translation> 学习前后第 1 层卷积层的滤波器（图7-24）可在窗口的滤波器视图中查看。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source> · calibrated probabilities</source>
        <translation> · 校准后的概率</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source> · paused</source>
        <translation> · 已暂停</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source> · saved to {path}</source>
        <translation> · 已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <location filename="../../nndesk/gui/help.py"/>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source> · test accuracy {acc}%</source>
        <translation> · 测试准确率 {acc}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source> · the canvas keeps the model it had (this one did not learn)</source>
        <translation> · 画布仍使用原来的模型（这次训练没有学到东西）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source> · the canvas keeps the model it had (this one was not measured on the test images; File ▸ Open model… uses it)</source>
        <translation> · 画布仍使用原来的模型（这个模型没有在测试数据上测量过；要使用它，请用 文件 ▸ 打开模型…）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source> · the canvas keeps the model it had, as you chose (File ▸ Open model… uses this one)</source>
        <translation> · 按你的选择，画布仍使用原来的模型（用“文件 ▸ 打开模型…”可使用这个模型）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source> · {rate} images/s · {eta} left</source>
        <translation> · {rate} 张图像/秒 · 剩余 {eta}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/i18n.py"/>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;About nndesk…</source>
        <translation>关于 nndesk(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Canvas</source>
        <translation>画布(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Clear</source>
        <translation>清空(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>&amp;Export model…</source>
        <translation>导出模型(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Guide to the window…</source>
        <translation>窗口使用说明(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>快捷键(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Open image…</source>
        <translation>打开图像(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Pause / resume</source>
        <translation>暂停 / 继续(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Remove layer</source>
        <translation>删除层(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Save model as…</source>
        <translation>模型另存为(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Train</source>
        <translation>开始训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Undo stroke</source>
        <translation>撤销一笔(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>(custom)</source>
        <translation>（自定义）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>, no epoch finished yet</source>
        <translation>，还没有完成任何一轮</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>, validation accuracy {acc}%</source>
        <translation>，验证准确率 {acc}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>, {minutes} min</source>
        <translation>，{minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>, {seconds} s</source>
        <translation>，{seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>. Too large a learning rate bounces or diverges; too small a one hardly moves.</source>
        <translation>。学习率过大会来回振荡或发散；过小则几乎不动。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>1 button</source>
        <translation>单键</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>1 step</source>
        <translation>1 步</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>1,000 random inputs through 5 layers of 100 neurons (nndesk's Network); each histogram counts one layer's 100,000 output values.</source>
        <translation>1000 个随机输入通过 5 层、每层 100 个神经元的网络（nndesk 的 Network）；每个直方图统计一层的 100000 个输出值。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>20 px box</source>
        <translation>缩放到 20 像素</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>3 button</source>
        <translation>三键</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>3.4.3's forward() ends with the identity function: the outputs are the scores A3 unchanged.</source>
        <translation>3.4.3 节的 forward() 以恒等函数结束：输出就是原样的得分 A3。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>3.6's predict() ends with softmax: the 10 outputs are probabilities, each row sums to 1 (here {total}). The weights are untrained (std 0.01), so every digit gets about 0.1.</source>
        <translation>3.6 节的 predict() 以 softmax 结束：10 个输出是概率，每一行的和为 1（这里是 {total}）。权重未经训练（标准差 0.01），所以每个数字的概率都约为 0.1。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>&lt;b style='color:{color}'&gt;■ {tag}&lt;/b&gt; {name}&lt;br&gt;final validation accuracy {val} (best {best}), training {train}</source>
        <translation>&lt;b style='color:{color}'&gt;■ {tag}&lt;/b&gt; {name}&lt;br&gt;最终验证准确率 {val}（最佳 {best}），训练准确率 {train}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>&lt;b&gt;Centre: watch it learn.&lt;/b&gt; The loss per mini-batch and the accuracy per epoch (training and validation data) of every run, to compare runs; then the first layer's weights and the feature maps of the digit you drew.</source>
        <translation>&lt;b&gt;中间：观察学习过程。&lt;/b&gt;每次训练的每个 mini-batch 的损失和每轮的准确率（训练数据和验证数据），便于比较；下方是第一层的权重和所画数字的特征图。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>&lt;b&gt;Left: design and train.&lt;/b&gt; Pick a preset network of the book or build your own: Add layer, then select a row to edit its settings (hover over a setting to see what it does). Each row shows the layer's output shape and parameter count; a red row says what does not fit. Below: the training settings and Train, Pause, Stop.</source>
        <translation>&lt;b&gt;左边：设计和训练。&lt;/b&gt;从预设中选择书中的网络，或者自己搭建：点击“添加层”，再选中一行即可编辑它的设置（鼠标悬停在设置上可以看到说明）。每一行显示该层的输出形状和参数个数；红色的行说明哪里不匹配。下方是训练设置以及“训练”“暂停”“停止”。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>&lt;b&gt;Lessons menu.&lt;/b&gt; Small interactive pages beside the chapters of the books: perceptrons, activations, loss and gradient, the computational graph, optimizers, initial weights, experiments on MNIST, convolution, recurrent networks.</source>
        <translation>&lt;b&gt;课程菜单。&lt;/b&gt;与书中各章对应的小型交互页面：感知机、激活函数、损失函数与梯度、计算图、优化器、权重初始值、MNIST 实验、卷积、循环神经网络。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>&lt;b&gt;Right: try it.&lt;/b&gt; Draw a digit with the mouse or a pen: the bars show the network's probabilities (softmax) for each digit, and the small image is the 28x28 input it really sees. Open or drop an image file to recognize it.</source>
        <translation>&lt;b&gt;右边：试一试。&lt;/b&gt;用鼠标或手写笔画一个数字：条形图显示网络对每个数字的概率（softmax 函数的输出），小图是网络实际看到的 28×28 输入。也可以打开或拖入图像文件来识别。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>&lt;b&gt;Two models read your drawing.&lt;/b&gt; The image model is the network of the designer (the one you train, or a model file you open): it reads the 28x28 image. The pen path model, a small recurrent network (GRU) that comes with nndesk, reads the strokes in the order and direction you drew them. The big answer combines the two; tick "Show each model's answer" to see each. An opened image has no pen path, so the image model reads it alone. The window trains the image model only.</source>
        <translation>&lt;b&gt;两个模型读你的手写。&lt;/b&gt;图像模型是设计器中的网络（你训练的网络，或你打开的模型文件）：它读取 28x28 的图像。轨迹模型是 nndesk 自带的小型循环神经网络（GRU），按你书写的顺序和方向读取笔画。大字答案综合了两者；勾选“显示每个模型的答案”可分别查看。打开的图像没有笔迹路径，只由图像模型读取。窗口只训练图像模型。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>&lt;b&gt;View menu: look inside.&lt;/b&gt; &lt;i&gt;Evaluation&lt;/i&gt;: the model on the test images, the accuracy of each digit, a confusion heat map (click a cell to see its images, click an image to put it on the canvas). &lt;i&gt;Why this answer&lt;/i&gt;: which pixels made the answer (saliency, occlusion) and the training images nearest to your drawing. &lt;i&gt;Layer health&lt;/i&gt;: each layer's weights, activations and gradient sizes while it learns, to see vanishing or exploding gradients. &lt;i&gt;Gradient check&lt;/i&gt;: backprop against numerical gradients for the design, tensor by tensor. &lt;i&gt;Preprocessing steps&lt;/i&gt;: how the drawing becomes the 28x28 input.</source>
        <translation>&lt;b&gt;视图菜单：看看网络内部。&lt;/b&gt;&lt;i&gt;评估&lt;/i&gt;：模型在测试图像上的表现、每个数字的识别精度、混淆矩阵热图（点击单元格查看其图像，点击图像把它放到画布上）。&lt;i&gt;为什么是这个答案&lt;/i&gt;：哪些像素决定了答案（显著图、遮挡），以及与你的手写最接近的训练图像。&lt;i&gt;各层的健康状况&lt;/i&gt;：学习过程中每层的权重、激活值和梯度大小，用来发现梯度消失或梯度爆炸。&lt;i&gt;梯度确认&lt;/i&gt;：对设计中的网络逐个张量比较误差反向传播与数值微分求得的梯度。&lt;i&gt;预处理步骤&lt;/i&gt;：手写如何变成 28x28 的输入。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>&lt;b&gt;Your handwriting.&lt;/b&gt; "Save as my digit" keeps the drawing under the digit in the box beside it (the answer shown, until you set another); "Fine-tune…" trains a copy of the model a little more on your saved digits.</source>
        <translation>&lt;b&gt;你的笔迹。&lt;/b&gt;“存为我的数字”把手写保存到旁边方框中的数字下（默认为显示的答案，直到你另行设置）；“微调…”用你保存的数字把模型的副本再训练一会儿。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>A lesson's experiment is running. Quit now and it stops: its curves are lost.</source>
        <translation>课程实验正在运行。现在退出的话，实验会停止，其曲线会丢失。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>A model is being exported. Quit now and the export is not finished (nothing half-written is left).</source>
        <translation>正在导出模型。现在退出的话，导出不会完成（不会留下写了一半的文件）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>A network design opens with File ▸ Open design… (Ctrl+Shift+O); a model file is an .npz.</source>
        <translation>网络设计请用 文件 ▸ 打开网络设计…（Ctrl+Shift+O）打开；模型文件是 .npz 文件。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>A pen digit as 32 points (x, y, direction, pen up) read by an RNN, a GRU and an LSTM of 16 units each (nndesk's layers, initial weights). Heat maps: one row per unit, one column per time step; h and c from blue (-1) to red (+1), gates from dark (0: closed) to yellow (1: open). Curve: the gradient of the last state's loss with respect to each step's state.</source>
        <translation>把一个手写笔数字表示为 32 个点（x、y、方向、抬笔），分别由 16 个单元的 RNN、GRU 和 LSTM 读取（nndesk 的层，初始权重）。热图：每行一个单元，每列一个时刻；h 和 c 从蓝（-1）到红（+1），门从深色（0：关闭）到黄色（1：打开）。曲线：最后状态的损失对每个时刻的状态的梯度。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>A run is training. Quit now and the run stops after this batch; its checkpoint is kept, and nndesk offers to resume it at the next start.</source>
        <translation>正在训练。现在退出的话，训练会在这个批次后停止；检查点会保留，下次启动 nndesk 时可以继续。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>A run is training; when it ends, its model takes the canvas and its design the designer.

Stop the run (Ctrl+.) or wait for it to finish, then open the file.</source>
        <translation>正在训练；训练结束时，它的模型会用于画布，它的网络设计会显示在设计器中。

请先停止训练（Ctrl+.）或等它结束，再打开文件。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>A test image is already 28×28 and centred: nothing to preprocess. The network gets it as it is (step 7).</source>
        <translation>测试图像已经是 28×28 且居中：无需预处理。网络按原样接收它（第 7 步）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>A tiny number added to the variance so Batch Normalization never divides by zero. Leave it at 1e-5. Book ch. 6.3.</source>
        <translation>加到方差上的极小值，防止 Batch Normalization 除以 0。保持 1e-5 即可。见书 6.3 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>A's layers</source>
        <translation>A 的层</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>About</source>
        <translation>关于 nndesk</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/accuracy_plot.py"/>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>Accuracy per epoch</source>
        <translation>每轮的准确率</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Activation function</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Activation functions</source>
        <translation>各种激活函数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Adam's learning rate: small, so the model keeps what it learned from MNIST. Type 0.0001 or 1e-4; 1e-5 moves it less, 1e-3 more.</source>
        <translation>Adam 的学习率：取小值，模型才能保留从 MNIST 学到的东西。可输入 0.0001 或 1e-4；1e-5 改变得更少，1e-3 更多。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>Add layer ▾</source>
        <translation>添加层 ▾</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>After {n} epochs the rule still gets {k} of 4 rows wrong: no single line separates XOR (fig. 2-7).</source>
        <translation>{n} 个 epoch 之后仍有 {k} 行（共 4 行）错误：没有一条直线能分开异或门（图2-7）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>All four rows are right.</source>
        <translation>四行全部正确。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source>All mistakes</source>
        <translation>全部误识别</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>All {n} tensors agree (relative error below {tol}).</source>
        <translation>全部 {n} 个张量一致（相对误差低于 {tol}）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Alpha</source>
        <translation>透明度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Also write the run's loss, accuracies, learning rate and weight histograms as TensorBoard event files: one folder per run, in the tensorboard folder of the runs folder. Needs pip install 'nndesk[tensorboard]' (tensorboardX, about 1 MB). To view: tensorboard --logdir and that folder (the status line gives the command after a run).</source>
        <translation>同时把这次训练的损失函数值、识别精度、学习率和权重直方图写成 TensorBoard 事件文件：每次运行一个文件夹，放在运行文件夹里的 tensorboard 文件夹中。需要 pip install 'nndesk[tensorboard]'（tensorboardX，约 1 MB）。查看方法：tensorboard --logdir 加上该文件夹（训练结束后状态栏会给出完整命令）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>Apply to all</source>
        <translation>应用到全部</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>At the first step the gradient is {rnn:.1e} of the last step's for the RNN, {gru:.1e} for the GRU and {lstm:.1e} for the LSTM. Make U smaller and the RNN forgets the start of the path sooner; the LSTM's forget gate bias of 3 (f ≈ 0.95) lets it remember, one of 0 (f = 0.5) makes it forget too. Gates help only when they are open: the GRU starts with an update gate bias of 0, so z = 0.5 keeps half of h at each step and the gradient halves with it, faster than the RNN's; a bias of 3 (z ≈ 0.95) lets the GRU keep its gradient like the LSTM.</source>
        <translation>在第一步，RNN 的梯度是最后一步的 {rnn:.1e}，GRU 是 {gru:.1e}，LSTM 是 {lstm:.1e}。把 U 调小，RNN 会更早忘记路径的开头；LSTM 的遗忘门偏置为 3（f ≈ 0.95）时能记住，为 0（f = 0.5）时也会遗忘。门只有打开时才有帮助：GRU 的更新门偏置初始为 0，z = 0.5 每一步只保留一半的 h，梯度也随之减半，比 RNN 衰减得更快；偏置为 3（z ≈ 0.95）时，GRU 也能像 LSTM 一样保住梯度。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Auto</source>
        <translation>自动缩放</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Auto Pan Only</source>
        <translation>仅自动平移</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Average pooling: the mean of each window. Book ch. 7.3.</source>
        <translation>Average 池化：取每个窗口的平均值。见书 7.3 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>B's layers</source>
        <translation>B 的层</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>Backprop against numerical gradients for “{name}”: {n} random elements per tensor, pass below {tol}.</source>
        <translation>“{name}”的误差反向传播法梯度与数值微分梯度比较：每个张量随机取 {n} 个元素，低于 {tol} 为通过。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Backprop and numerical differentiation must agree: the relative error per weight tensor should be tiny (below {tol}).</source>
        <translation>误差反向传播法与数值微分的结果必须一致：每个权重张量的相对误差应非常小（低于 {tol}）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Backpropagation</source>
        <translation>误差反向传播法</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Batch Normalization (figs. 6-18, 6-19)</source>
        <translation>Batch Normalization（图6-18、6-19）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Batch Normalization: each feature gets zero mean and unit variance over the mini-batch. Book ch. 6.3.</source>
        <translation>Batch Normalization：以 mini-batch 为单位把每个特征正规化为均值 0、方差 1。见书 6.3 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Batch size N</source>
        <translation>批大小 N</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>BatchNorm layer</source>
        <translation>BatchNorm 层</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>BatchNorm needs a vector or an image, not shape {shape}</source>
        <translation>BatchNorm 需要向量或图像作为输入，而不是形状 {shape}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>BatchNorm {n}: running mean {m}, running variance {v} (averaged over {k} features)</source>
        <translation>BatchNorm {n}：移动平均 {m}，移动方差 {v}（{k} 个特征的平均）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Before fine-tuning, the model it started from ({name}):</source>
        <translation>微调之前，作为起点的模型（{name}）：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Book (fig. 6-15): with std 0.01 the loss hardly moves; Xavier and He learn, He the fastest.</source>
        <translation>书中（图6-15）：标准差 0.01 时损失几乎不变；Xavier 和 He 都能学习，He 最快。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Book (fig. 6-9): SGD learns the slowest; Momentum, AdaGrad and Adam all beat it, AdaGrad a little the fastest.</source>
        <translation>书中（图6-9）：SGD 学习最慢；Momentum、AdaGrad、Adam 都比它快，AdaGrad 稍快一些。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Book (figs. 6-18, 6-19): with Batch Normalization the training accuracy rises faster at almost every init scale; without it a bad scale does not learn at all.</source>
        <translation>书中（图6-18、6-19）：使用 Batch Normalization 时，几乎在所有初始值尺度下识别精度都上升得更快；不使用时，尺度不好就完全无法学习。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Book (figs. 6-24, 6-25): the best runs have a learning rate near 0.001-0.01 and weight decay near 1e-8-1e-6; narrow the ranges and search again.</source>
        <translation>书中（图6-24、6-25）：最好的结果出现在学习率约 0.001～0.01、权值衰减系数约 1e-8～1e-6 附近；缩小范围后再搜索。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Book 2, ch. 5-6 Recurrent networks</source>
        <translation>进阶 第5～6章 循环神经网络</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Book chapter</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Book chapters</source>
        <translation>书中章节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/optimizers_page.py"/>
        <source>Book's settings</source>
        <translation>书中的设置</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Book's weights</source>
        <translation>书中的权重</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Book: plain training reaches 100% on the 300 images but far less on test data (fig. 6-20); weight decay 0.1 narrows the gap (fig. 6-21), so does Dropout (fig. 6-23). L1 does the same by pushing weights to 0.</source>
        <translation>书中：普通训练在 300 张训练图像上达到 100%，测试数据上却低得多（图6-20）；权值衰减 0.1 缩小了差距（图6-21），Dropout 也一样（图6-23）。L1 通过把权重推向 0 达到同样效果。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Bottom: filter #{i} of the model's first Conv2D layer and its output.</source>
        <translation>下：模型第一个卷积层的滤波器 #{i} 及其输出。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Build XOR from NAND, OR and AND (two layers)</source>
        <translation>用与非门、或门和与门组合异或门（两层）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Built with</source>
        <translation>运行环境</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Cancelled: nothing changed.</source>
        <translation>已取消：什么都没有改变。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>Cannot evaluate ({what}): {error}</source>
        <translation>无法评估（{what}）：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Cannot fine-tune: {error}</source>
        <translation>无法微调：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Cannot open a design while training</source>
        <translation>训练中无法打开网络设计</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Cannot open a model while training</source>
        <translation>训练中无法打开模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Cannot open this design</source>
        <translation>无法打开此网络设计</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Cannot open this model</source>
        <translation>无法打开此模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>Cannot read the trained model</source>
        <translation>无法读取训练好的模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Cannot read this image</source>
        <translation>无法读取此图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>Cannot read this image: {error}</source>
        <translation>无法读取此图像：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Cannot save the design</source>
        <translation>无法保存网络设计</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Cannot save the digit</source>
        <translation>无法保存数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Cannot save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Cannot save the model: {error}</source>
        <translation>无法保存模型：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 2 Perceptrons and logic gates</source>
        <translation>第2章 感知机与逻辑电路</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Ch. 2 · figs. 2-6, 2-7, 2-13</source>
        <translation>第2章 · 图2-6、2-7、2-13</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 3 Activations, softmax, shapes</source>
        <translation>第3章 激活函数、softmax、形状</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Ch. 3 · figs. 3-6 to 3-9, 3-15 to 3-20, eq. 3.10, 3.11</source>
        <translation>第3章 · 图3-6～3-9、图3-15～3-20、式 3.10、3.11</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 4 Loss and gradient</source>
        <translation>第4章 损失函数与梯度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Ch. 4 · eq. 4.1, 4.2, figs. 4-5, 4-9, 4-10</source>
        <translation>第4章 · 式 4.1、4.2，图4-5、4-9、4-10</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 5 Computational graph</source>
        <translation>第5章 计算图</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Ch. 5 · figs. 5-16, 5-17</source>
        <translation>第5章 · 图5-16、5-17</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Ch. 5-6 of book 2 · figs. 6-8, 6-9</source>
        <translation>《深度学习进阶》第5～6章 · 图6-8、6-9</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 6 Experiments on MNIST</source>
        <translation>第6章 MNIST 上的实验</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 6 Initial weights</source>
        <translation>第6章 权重的初始值</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 6 Optimizer paths</source>
        <translation>第6章 最优化方法的路径</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/optimizers_page.py"/>
        <source>Ch. 6 · fig. 6-8 (and 6-3, 6-5, 6-6, 6-7)</source>
        <translation>第6章 · 图6-8（及图6-3、6-5、6-6、6-7）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Ch. 6 · figs. 6-10, 6-11, 6-13, 6-14</source>
        <translation>第6章 · 图6-10、6-11、6-13、6-14</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Ch. 6 · figs. 6-9, 6-15, 6-18, 6-19, 6-20, 6-21, 6-23, 6-24, 6-25</source>
        <translation>第6章 · 图6-9、6-15、6-18、6-19、6-20、6-21、6-23、6-24、6-25</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 7 Convolution and im2col</source>
        <translation>第7章 卷积与 im2col</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Ch. 7 · figs. 7-3 to 7-7, 7-18, 7-19, eq. 7.1</source>
        <translation>第7章 · 图7-3～7-7、图7-18、7-19、式 7.1</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Chapters: ゼロから作るDeep Learning (Koki Saitoh, O'Reilly Japan); the same numbering in 深度学习入门 and Deep Learning from Scratch.</source>
        <translation>章节号依据《深度学习入门：基于Python的理论与实现》（斋藤康毅著，人民邮电出版社），与日文原版和英文版相同。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>Check gradients</source>
        <translation>确认梯度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Checking…</source>
        <translation>正在确认…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Clear the canvas (Esc, Delete, Ctrl+L)</source>
        <translation>清空画布（Esc、Delete、Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/confusion_view.py"/>
        <source>Click a cell, or move with the arrow keys and press Enter or Space, to see its images</source>
        <translation>单击一个格子，或用方向键移动后按 Enter 或空格键，查看其中的图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source>Click a digit to put it on the canvas</source>
        <translation>点击数字，将其放到画布上</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Command: {command}</source>
        <translation>命令：{command}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>Compare backprop with central differences (float64) for the network in the designer</source>
        <translation>对设计中的网络，比较误差反向传播法与中心差分（float64）求得的梯度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>Compare runs</source>
        <translation>比较两次训练</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Compare with the book's cases: std 1, std 0.01, Xavier with sigmoid; std 0.01, Xavier, He with ReLU.</source>
        <translation>与书中的情形对比：sigmoid 函数配标准差 1、0.01、Xavier；ReLU 配标准差 0.01、Xavier、He。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Compare…</source>
        <translation>比较…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Compute the training images' features for this model (once; kept in the cache folder)</source>
        <translation>为这个模型计算训练图像的特征（只算一次，保存在缓存文件夹中）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Computing the training images' features (once per model)…</source>
        <translation>正在计算训练图像的特征（每个模型只算一次）…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Conv2D, padding, stride, MaxPool2D/AvgPool2D, the SimpleConvNet preset</source>
        <translation>Conv2D、填充、步幅、MaxPool2D/AvgPool2D、预设 SimpleConvNet</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Convolution: small learnable filters slide over the image. Book ch. 7.2.</source>
        <translation>卷积层：可学习的小滤波器在图像上滑动。见书 7.2 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Convolutional neural networks</source>
        <translation>卷积神经网络</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Correct label (t is one-hot):</source>
        <translation>正确解标签（t 为 one-hot 表示）：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Cost per epoch (input 1, target 0)</source>
        <translation>每个 epoch 的代价（输入 1，目标 0）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Costs are shown relative to their start. After 50 epochs the output is {q} with the quadratic cost and {ce} with cross-entropy: σ'(z) ≈ {d} at the start slows the quadratic cost's gradient, and cross-entropy has no σ'(z) in it.</source>
        <translation>代价以初始值为 1 显示。50 个 epoch 后，二次代价函数的输出为 {q}，交叉熵为 {ce}：开始时 σ'(z) ≈ {d}，拖慢了二次代价函数的梯度，而交叉熵的梯度中没有 σ'(z)。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Could not export the history</source>
        <translation>无法导出训练记录</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Could not export the plots</source>
        <translation>无法导出曲线图</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Created: {created}</source>
        <translation>创建时间：{created}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>DeepConvNet preset, data augmentation</source>
        <translation>预设 DeepConvNet、数据扩充</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Dense (the book's Affine layer): every input connects to every neuron. Book ch. 3 and 5.</source>
        <translation>Dense（书中的 Affine 层）：每个输入都连接到每个神经元。见书第 3、5 章。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Dense layer, activation functions (ReLU, Sigmoid, Tanh), softmax bars on the canvas</source>
        <translation>Dense 层、激活函数（ReLU、sigmoid、tanh）、画布旁的 softmax 条形图</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Derivative h'(x)</source>
        <translation>导数 h'(x)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Design a valid network first (the designer panel).</source>
        <translation>请先在设计器面板中设计一个有效的网络。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Design, train and look inside a neural network written in NumPy, and draw digits for it to read. For learners of deep learning from scratch.</source>
        <translation>设计、训练一个用 NumPy 写成的神经网络，观察它的内部，并手写数字让它识别。献给从零开始学习深度学习的人。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/download.py"/>
        <source>Download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/download.py"/>
        <source>Downloading MNIST</source>
        <translation>下载 MNIST</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/download.py"/>
        <source>Downloading MNIST…</source>
        <translation>正在下载 MNIST…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Downsample</source>
        <translation>降采样</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Drag the target to move the start. </source>
        <translation>拖动靶标可移动起点。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Drag with the mouse to draw f(x); drag the dashed lines to move the steps</source>
        <translation>按住鼠标拖动以画出 f(x)；拖动虚线可移动阶跃位置</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Draw a digit</source>
        <translation>画一个数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Draw a digit on the canvas first.</source>
        <translation>请先在画布上画一个数字。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Draw a digit on the canvas first: the lesson reads its strokes as you drew them.</source>
        <translation>请先在画布上画一个数字：本课按你书写的方式读取它的笔画。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>Draw a digit or open an image to see each step of the preprocessing.</source>
        <translation>画一个数字或打开一张图像，即可看到预处理的每一步。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>Draw a digit to see each model's answer.</source>
        <translation>画一个数字，即可看到每个模型的答案。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Draw a digit to see its neighbours.</source>
        <translation>画一个数字，即可看到与它最近的训练图像。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>Draw a digit to see which pixels decide the answer.</source>
        <translation>画一个数字，看看哪些像素决定了答案。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/canvas.py"/>
        <source>Draw a digit with the mouse or a pen; the right button erases. Esc clears, Ctrl+Z undoes a stroke. Drop an image file here to recognize it.</source>
        <translation>用鼠标或手写笔画一个数字；按住右键拖动可以擦除。Esc 清空，Ctrl+Z 撤销一笔。把图像文件拖到这里即可识别。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/i18n.py"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Dropout {0}</source>
        <translation>Dropout（丢弃比例 {0}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Dropout: silences random neurons while training, against overfitting. Book ch. 6.4.</source>
        <translation>Dropout：训练时随机删除神经元，抑制过拟合。见书 6.4 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Each computation uses nndesk's sigmoid and Network.</source>
        <translation>所有计算都使用 nndesk 的 sigmoid 函数和 Network。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Each cost has its own η, as in Nielsen's demo (0.15 and 0.005). He remarks that different rates make the comparison imperfect; what counts is how the speed changes: the quadratic cost learns slowest while the neuron is badly wrong, cross-entropy fastest.</source>
        <translation>和 Nielsen 的演示一样，每种代价函数有自己的 η（0.15 和 0.005）。他指出，学习率不同使这种比较并不完美；重要的是学习速度如何变化：神经元错得越离谱，二次代价学得越慢，交叉熵则学得越快。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Each experiment trains the book's small networks from the same seed, changing one thing. It runs in the background; stop it at any time.</source>
        <translation>每个实验都从相同的随机种子训练书中的小型网络，只改变一处。实验在后台运行，可随时停止。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Epochs:</source>
        <translation>轮数（epoch）：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Epochs: {epochs}</source>
        <translation>轮数：{epochs}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Epochs: {epochs} (best: {best})</source>
        <translation>轮数：{epochs}（最佳：{best}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Error of the derivative of 0.01x² + 0.1x at x = 5</source>
        <translation>0.01x² + 0.1x 在 x = 5 处导数的误差</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>Evaluate</source>
        <translation>开始评估</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>Evaluating {model} on the {dataset} test set…</source>
        <translation>正在用 {dataset} 测试集评估 {model}…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>Evaluating {model} on {what}…</source>
        <translation>正在用{what}评估 {model}…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>Evaluation stopped</source>
        <translation>评估已停止</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>Evaluation: no model yet</source>
        <translation>评估：还没有模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>Evaluation: the network being trained (press Evaluate)</source>
        <translation>评估：正在学习的网络（按“评估”）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>Explain:</source>
        <translation>解释：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>Export curves as &amp;PNG…</source>
        <translation>将曲线导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>Export history as &amp;CSV…</source>
        <translation>将训练记录导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Export the history</source>
        <translation>导出训练记录</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Export the model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Export the plots</source>
        <translation>导出曲线图</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Export to</source>
        <translation>导出为</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>FAIL</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>Feature maps of the drawn digit</source>
        <translation>所画数字的特征图</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>Feature maps: draw a digit to see them</source>
        <translation>特征图：画一个数字即可看到</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Fig. 6-14, bottom: with He's std √(2/n) every layer looks alike.</source>
        <translation>图6-14 下：使用 He 初始值（标准差 √(2/n)），各层的分布相同。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Fig. 6-14, middle: Xavier is too small for ReLU; the values drift towards 0 as the layers go deeper.</source>
        <translation>图6-14 中：Xavier 初始值对 ReLU 来说太小，层越深，值越偏向 0。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Fig. 6-14, top: with std 0.01 the ReLU values shrink towards 0 layer after layer.</source>
        <translation>图6-14 上：标准差 0.01 时，ReLU 的激活值逐层缩小到 0 附近。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/i18n.py"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>File: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Filters on your digit</source>
        <translation>滤波器作用于你写的数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Find neighbours</source>
        <translation>查找最近邻</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Find weights (perceptron learning rule)</source>
        <translation>求权重（感知机学习规则）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Fine-tune on my digits</source>
        <translation>在我的数字上微调</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Fine-tuned from {name} on {n} of your digits ({held} kept aside to check it)</source>
        <translation>从 {name} 出发，用你的 {n} 个数字微调（另有 {held} 个留作测试）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>Fine-tune…</source>
        <translation>微调…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Fine-tuning is running. Quit now and it stops: the fine-tuned model is not kept (the model you started from is unchanged).</source>
        <translation>正在微调。现在退出的话，微调会停止，微调后的模型不会保留（作为起点的模型不变）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Fine-tuning: batch {done} of {total}</source>
        <translation>微调中：第 {done} 个批次，共 {total} 个</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Fine-tuning: {epochs} epochs, Adam, learning rate {lr}, MNIST digits mixed in: {mixed}</source>
        <translation>微调：{epochs} 轮，Adam，学习率 {lr}，混入的 MNIST 数字：{mixed}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>Finished %n epoch(s)</source>
        <translation>
            <numerusform>已完成 %n 轮训练</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>First layer's weights</source>
        <translation>第一层的权重</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>First layer's weights and feature maps</source>
        <translation>第一层的权重和特征图</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>First layer's weights: {why}</source>
        <translation>第一层的权重：{why}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>Fix the design first: {error}</source>
        <translation>请先修正网络设计：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Fix the design first: {problem}</source>
        <translation>请先修正网络设计：{problem}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Flatten: turns an image into one long vector.</source>
        <translation>Flatten：把图像展开成一个长向量。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/i18n.py"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Forward pass and shapes</source>
        <translation>前向传播与形状</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Forward: values flow left to right (black). Backward: gradients of the price flow right to left (red); a × node passes each input the other input's value, a + node passes the gradient on unchanged.</source>
        <translation>正向传播：值从左向右流动（黑色）。反向传播：支付金额的导数从右向左流动（红色）；乘法节点把另一个输入的值乘到上游的值上传给每个输入，加法节点原封不动地传给下游。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>GRU: an RNN whose update and reset gates decide what the hidden state keeps. Deep Learning from Scratch 2, ch. 6.</source>
        <translation>GRU：由更新门和重置门决定隐藏状态保留什么的 RNN。见《深度学习进阶》第 6 章。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>GRU: hidden state h</source>
        <translation>GRU：隐藏状态 h</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>GRU: reset gate r</source>
        <translation>GRU：重置门 r</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>GRU: update gate bias</source>
        <translation>GRU：更新门偏置</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>GRU: update gate z</source>
        <translation>GRU：更新门 z</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Gate</source>
        <translation>门</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>Give every layer that has this setting the same value (every activation the same kind, every weighted layer the same init)</source>
        <translation>让所有具有这项设置的层取相同的值（所有激活层同一种类，所有带权重的层同一种初始化方法）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>Gradient RMS per weight while training</source>
        <translation>训练中每个权重的梯度均方根</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Gradient and gradient descent</source>
        <translation>梯度与梯度下降法</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Gradient check</source>
        <translation>梯度确认</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Gradient check (backprop against numerical gradients)</source>
        <translation>梯度确认（误差反向传播与数值微分的梯度比较）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Gradient check of the network in the designer</source>
        <translation>对设计器中的网络进行梯度确认</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Gradient reaching each step</source>
        <translation>到达每个时刻的梯度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Hand-made filter</source>
        <translation>手工设计的滤波器</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>He</source>
        <translation>He 初始值</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Height and width of each filter in pixels. 3 or 5 are usual; it must fit the input (with padding). Book ch. 7.2.</source>
        <translation>每个滤波器的高和宽（像素）。通常为 3 或 5；必须放得进（填充后的）输入。见书 7.2 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Height and width of the pooling window. 2 halves the image. Book ch. 7.3.</source>
        <translation>池化窗口的高和宽。2 会把图像缩小一半。见书 7.3 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/download.py"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>How many filters slide over the input: the number of output channels. Usually 8-128. Book ch. 7.2.</source>
        <translation>在输入上滑动的滤波器个数，即输出通道数。通常为 8～128。见书 7.2 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>How many neurons this layer has: its output size. Hidden layers: 50-1000; the last layer: 10, one per digit. Book ch. 3 and 5 (Affine layer).</source>
        <translation>这一层的神经元个数，即输出的大小。隐藏层 50～1000；最后一层为 10，每个数字一个。见书第 3、5 章（Affine 层）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>How many times to go through all training images. 5-20 for MNIST. Book ch. 4.5.</source>
        <translation>把全部训练图像用多少遍。MNIST 用 5～20。见书 4.5 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>How slowly Batch Normalization's running mean and variance follow the batches (used when predicting). 0.9-0.99. Book ch. 6.3.</source>
        <translation>Batch Normalization 的滑动平均和方差（推理时使用）跟随各批次变化的快慢。0.9～0.99。见书 6.3 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>How the weights move along the gradient: SGD, Momentum, AdaGrad, Adam (usually the safest start). Book ch. 6.1.</source>
        <translation>沿梯度更新权重的方法：SGD、Momentum、AdaGrad、Adam（通常最稳妥）。见书 6.1 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>How the weights start: auto picks He before ReLU and Xavier before sigmoid or tanh; a number is the standard deviation of a normal distribution (0.01 is the book's first choice). Book ch. 6.2.</source>
        <translation>权重的初始值：“自动”在 ReLU 前选 He 初始值，在 sigmoid 或 tanh 前选 Xavier 初始值；数值表示正态分布的标准差（书中最初用 0.01）。见书 6.2 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Hyperparameter search (figs. 6-24, 6-25)</source>
        <translation>超参数的搜索（图6-24、6-25）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>Image model: {answer}</source>
        <translation>图像模型：{answer}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Images ({patterns});;All files (*)</source>
        <translation>图像 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Images per mini-batch: one gradient step each. 32-256 is usual; smaller is noisier and slower per image. Book ch. 4.2.</source>
        <translation>每个 mini-batch 的图像数，每批更新一次。通常为 32～256；越小噪声越大，每张图像也越慢。见书 4.2 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>In the window</source>
        <translation>窗口中的部分</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Initial weights</source>
        <translation>权重的初始值</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Initial weights (fig. 6-15)</source>
        <translation>权重的初始值（图6-15）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Initial weights and the distribution of activations</source>
        <translation>权重的初始值与隐藏层的激活值分布</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Initial weights: auto, He, Xavier</source>
        <translation>权重初始值：自动、He、Xavier</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Inputs (x1, x2) and the decision line</source>
        <translation>输入 (x1, x2) 与分界直线</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Invert Axis</source>
        <translation>反转轴</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>Its input is a sequence of pen points, not an image, and the window trains on MNIST images. Save the design and train it from the command line:

nndesk train --spec DESIGN.json --dataset pendigits --augment --out path.npz</source>
        <translation>它的输入是笔尖点的序列，而不是图像；窗口只用 MNIST 图像训练。请保存设计，然后在命令行中训练：

nndesk train --spec DESIGN.json --dataset pendigits --augment --out path.npz</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>Keep this drawing in your digit folder (the folder 'nndesk eval --folder' reads)</source>
        <translation>把这幅图保存到你的数字文件夹（'nndesk eval --folder' 读取的文件夹）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>LSTM: an RNN with a memory cell and forget, input and output gates; gradients survive long sequences. Deep Learning from Scratch 2, ch. 6.</source>
        <translation>LSTM：带记忆单元以及遗忘门、输入门、输出门的 RNN；梯度在长序列中也不会消失。见《深度学习进阶》第 6 章。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>LSTM: forget gate bias</source>
        <translation>LSTM：遗忘门偏置</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>LSTM: forget gate f</source>
        <translation>LSTM：遗忘门 f</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>LSTM: hidden state h</source>
        <translation>LSTM：隐藏状态 h</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>LSTM: input gate i</source>
        <translation>LSTM：输入门 i</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>LSTM: memory cell c</source>
        <translation>LSTM：记忆单元 c</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>LSTM: output gate o</source>
        <translation>LSTM：输出门 o</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <location filename="../../nndesk/gui/layer_table.py"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Layer health</source>
        <translation>各层的健康状况</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_job.py"/>
        <source>Layer health could not be measured: {reason}. The rest of the window keeps working; change the design or the model to measure again.</source>
        <translation>无法测量各层的健康状况：{reason}。窗口的其他部分照常工作；修改设计或换一个模型即可重新测量。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>Layer health measured {trouble} units or gradients: the initial weights are the likely cause (try He or Xavier init instead of a large std), then the learning rate.</source>
        <translation>各层的健康状况测得{trouble}的单元或梯度：最可能的原因是初始权重（试试 He 或 Xavier 初始值，而不是较大的标准差），其次才是学习率。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Layer health: activations and gradients per layer, initial weights</source>
        <translation>各层的健康状况：每层的激活值和梯度、权重初始值</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <source>Layer health: no network yet (train one or open a model).</source>
        <translation>各层的健康状况：还没有网络（请学习一个或打开模型）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <source>Layer health: the design has a problem; fix it to see its layers.</source>
        <translation>各层的健康状况：网络设计有问题；修正后即可查看各层。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>Layer settings</source>
        <translation>层的设置</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>Layer {n} Conv2D: {count} filters of {h}×{w}</source>
        <translation>第 {n} 层 Conv2D：{count} 个 {h}×{w} 的滤波器</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>Layer {n} Dense: weights of {count} neurons as {h}×{w} images</source>
        <translation>第 {n} 层 Dense：{count} 个神经元的权重，显示为 {h}×{w} 的图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>Layer {n} in the designer; “{key}” as nndesk gradcheck prints it</source>
        <translation>设计器中的第 {n} 层；nndesk gradcheck 输出为“{key}”</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>Layer {n} {chain}: {count} maps {h}×{w}</source>
        <translation>第 {n} 层 {chain}：{count} 张 {h}×{w} 特征图</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <location filename="../../nndesk/gui/layer_table.py"/>
        <source>Layer {n}: {type}</source>
        <translation>第 {n} 层：{type}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Layers as forward/backward pairs (Affine = Dense, ReLU, Softmax-with-Loss)</source>
        <translation>以 forward/backward 成对实现的层（Affine = Dense、ReLU、Softmax-with-Loss）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>Layers side by side (bold: they differ; empty: no such layer)</source>
        <translation>逐层对照（粗体：不同；空白：没有这一层）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>LeNet5 preset</source>
        <translation>预设 LeNet5</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Leaky ReLU: like ReLU, but negative inputs keep a small slope.</source>
        <translation>Leaky ReLU：与 ReLU 相似，但负输入保留一个小斜率。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Learning from data</source>
        <translation>神经网络的学习</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Learning lowers a loss function; its gradient, here by numerical differentiation, says which way is downhill.</source>
        <translation>学习就是让损失函数变小；它的梯度（这里用数值微分求得）指出往哪边是下坡。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Learning rate over time: constant, step decay (x0.1 every 5 epochs) or cosine (smoothly down to 0).</source>
        <translation>学习率随时间的变化：固定、阶梯衰减（每 5 轮乘以 0.1）或余弦（平滑地降到 0）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Learning rate: the size of each step. Adam: 0.001; SGD: 0.01-0.1. Too high and the loss explodes, too low and nothing happens. Type 0.001 or 1e-3. Book ch. 4.4 and 6.1.</source>
        <translation>学习率：每次更新的步长。Adam 用 0.001；SGD 用 0.01～0.1。太大损失会发散，太小则几乎不学习。可输入 0.001 或 1e-3。见书 4.4 节和 6.1 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Learning slowdown (ch. 3)</source>
        <translation>学习缓慢问题（第3章）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/__init__.py"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Link Axis:</source>
        <translation>链接轴：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Load or train a model with a Conv2D layer to see a learned filter here.</source>
        <translation>加载或训练一个含卷积层（Conv2D）的模型，即可在这里看到学习到的滤波器。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Loading MNIST and building the network…</source>
        <translation>正在加载 MNIST 并构建网络…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_run.py"/>
        <source>Loading MNIST…</source>
        <translation>正在加载 MNIST…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Loading the filter views…</source>
        <translation>正在加载滤波器视图…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Loading the plots…</source>
        <translation>正在加载曲线图…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Loss functions</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Loss on a logarithmic axis: one run whose loss blows up no longer flattens the others</source>
        <translation>损失使用对数坐标：某次训练的损失暴涨时，其他曲线不会被压平</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/loss_plot.py"/>
        <source>Loss per batch</source>
        <translation>每个批次的损失</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Loss per batch, mini-batches, learning rate, epochs</source>
        <translation>每个批次的损失、mini-batch、学习率、轮（epoch）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <source>Loss {loss} on {n} training images (training mode) · {source} · {ms} ms, every {s} s</source>
        <translation>{n} 张训练图像上的损失 {loss}（学习模式）· {source} · {ms} ms，每 {s} 秒一次</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>Lower the learning rate, or open View ▸ Layer health: saturated units or vanishing gradients point at the initial weights.</source>
        <translation>降低学习率，或打开 视图 ▸ 各层的健康状况：饱和的单元或消失的梯度说明问题在初始权重。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>MNIST data</source>
        <translation>MNIST 数据</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/download.py"/>
        <source>MNIST is not here yet</source>
        <translation>还没有 MNIST 数据集</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <location filename="../../nndesk/gui/finetune_text.py"/>
        <source>MNIST test ({n}): {before} → {after}</source>
        <translation>MNIST 测试数据（{n} 个）：{before} → {after}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>MNIST: 784-50-100-10 (3.6)</source>
        <translation>MNIST：784-50-100-10（3.6）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Max pooling: keeps the largest value of each window. Book ch. 7.3.</source>
        <translation>Max 池化：保留每个窗口中的最大值。见书 7.3 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Mean squared error E = ½ Σ (y_k − t_k)² = {mse}   ·   Cross-entropy error E = −Σ t_k log(y_k + δ) = −log({yk} + 1e-7) = {ce}. Move the 0.6 to another class: both grow (the book: 0.0975 → 0.5975 and 0.51 → 2.30).</source>
        <translation>均方误差 E = ½ Σ (y_k − t_k)² = {mse}   ·   交叉熵误差 E = −Σ t_k log(y_k + δ) = −log({yk} + 1e-7) = {ce}。把 0.6 移到别的类别，两者都会变大（书中：0.0975 → 0.5975，0.51 → 2.30）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>Measure the model on every test image</source>
        <translation>用全部测试图像评估模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source>Misclassified digits: {n}</source>
        <translation>识别错误的数字：{n}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>Model &amp;info…</source>
        <translation>模型信息(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Model: {name}</source>
        <translation>模型：{name}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Mouse Enabled</source>
        <translation>启用鼠标</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Mouse Mode</source>
        <translation>鼠标模式</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Nearest of {n} training images: top, in the network's last hidden layer ({d} values); bottom, in pixels.</source>
        <translation>{n} 张训练图像中最近的几张：上排按网络最后一个隐藏层（{d} 个值）的距离，下排按像素的距离。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Neighbours are found for a finished model, not while it trains.</source>
        <translation>最近邻只对训练完成的模型查找，训练过程中不查找。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Network designer</source>
        <translation>网络设计</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Network designs (*.json)</source>
        <translation>网络设计 (*.json)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Network output y and the one-hot label t</source>
        <translation>神经网络的输出 y 与 one-hot 标签 t</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Network: {name}, {layers} layers, {params} parameters</source>
        <translation>网络：{name}，{layers} 层，{params} 个参数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Neural networks</source>
        <translation>神经网络</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Nielsen's function</source>
        <translation>Nielsen 的示例函数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Nielsen, Neural Networks and Deep Learning · ch. 3, ch. 4</source>
        <translation>Nielsen《神经网络与深度学习》· 第3章、第4章</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Nielsen: slowdown, universality</source>
        <translation>Nielsen：学习缓慢、普遍性</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>No checkpoint was written yet (one is written at the end of each epoch): train again.</source>
        <translation>尚未写入检查点（每一轮结束时写入一个）：请重新训练。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>No digit found</source>
        <translation>没有找到数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>No digit found after step {n} ({step}): the network gets nothing.</source>
        <translation>第 {n} 步（{step}）之后没有找到数字：网络没有得到输入。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_text.py"/>
        <source>No digits saved yet: draw a digit on the canvas, set its label and press “{save}”; then start.</source>
        <translation>还没有保存任何数字：请在画布上写一个数字，设置它的标签，然后按“{save}”；之后再开始。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>No model to export</source>
        <translation>没有可导出的模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>No model to save</source>
        <translation>没有可保存的模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>No model yet — train one or open a model file (File ▸ Open model…).</source>
        <translation>还没有模型——请训练一个，或打开模型文件（文件 ▸ 打开模型…）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>No model yet — train one or open a model file.</source>
        <translation>还没有模型——请训练一个，或打开模型文件。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>No model yet: open or train one first.</source>
        <translation>还没有模型：请先打开或训练一个。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>No overflow at this scale; the two columns agree. The probabilities sum to {total} and keep the order of the scores.</source>
        <translation>这个大小不会溢出，两列一致。概率之和为 {total}，大小顺序与输入相同。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Not exported: {err}</source>
        <translation>未导出：{err}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Not saved yet (the network being trained)</source>
        <translation>尚未保存（训练中的网络）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Nothing to save</source>
        <translation>没有可保存的内容</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>NumPy, as in the book: {files} (folder)</source>
        <translation>NumPy（书中的写法）：{files}（文件夹）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Number type</source>
        <translation>数值类型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Numerical differentiation</source>
        <translation>数值微分</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>OH = OW = (n + 2p − f) / s + 1 = ({n} + 2·{p} − {f}) / {s} + 1 = {size}</source>
        <translation>输出大小 OH = OW = (n + 2p − f) / s + 1 = ({n} + 2·{p} − {f}) / {s} + 1 = {size}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>ONNX: one .onnx file for any runtime</source>
        <translation>ONNX：一个 .onnx 文件，可用于任何推理运行时</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>On: a second layer reads the sequence from its end to its start, and the two hidden states are joined (2 x units), so every step sees the whole sequence. Deep Learning from Scratch 2, ch. 8.5.</source>
        <translation>开：另一个层从序列的末尾读到开头，两个隐藏状态拼接在一起（2 × 单元数），每个时刻都能看到整个序列。见《深度学习进阶》8.5 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>On: output the hidden state h at every time step (steps x units), to feed another recurrent layer (a deep RNN). Off: only the last h, for a Dense layer. Deep Learning from Scratch 2, ch. 5-6.</source>
        <translation>开：在每个时刻输出隐藏状态 h（时刻数 × 单元数），接到下一个循环层（多层 RNN）。关：只输出最后的 h，接 Dense 层。见《深度学习进阶》第 5～6 章。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>Open &amp;design…</source>
        <translation>打开网络设计(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Open a .npz file saved by nndesk (File ▸ Save model as…, or `nndesk train --out`).</source>
        <translation>请打开由 nndesk 保存的 .npz 文件（文件 ▸ 模型另存为…，或 `nndesk train --out`）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Open a design</source>
        <translation>打开网络设计</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Open a model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Open an image of a digit</source>
        <translation>打开一张数字图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Open image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Optimizer: SGD, Momentum, AdaGrad, Adam</source>
        <translation>优化器：SGD、Momentum、AdaGrad、Adam</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Optimizers (fig. 6-9)</source>
        <translation>最优化方法（图6-9）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/optimizers_page.py"/>
        <source>Optimizers on f(x, y) = x²/20 + y²</source>
        <translation>f(x, y) = x²/20 + y² 上的最优化方法</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Ours: </source>
        <translation>我们的结果：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>Out of memory: use a smaller batch size, fewer filters or fewer training images.</source>
        <translation>内存不足：请减小批大小、减少滤波器或训练图像的数量。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_table.py"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Output a = σ(w·1 + b)</source>
        <translation>输出 a = σ(w·1 + b)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Output y (10 values, e.g. softmax):</source>
        <translation>输出 y（10 个值，例如 softmax 的输出）：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_table.py"/>
        <source>Output {shape} · {params} parameters</source>
        <translation>输出 {shape} · 参数 {params} 个</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Overfitting: weight decay, L1, Dropout (figs. 6-20, 6-21, 6-23)</source>
        <translation>过拟合：权值衰减、L1、Dropout（图6-20、6-21、6-23）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_table.py"/>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Passes over your digits</source>
        <translation>遍历你的数字的轮数（epoch）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Pause or resume training (Ctrl+P)</source>
        <translation>暂停或继续训练（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>Paused — press Resume to continue.</source>
        <translation>已暂停——按“继续”恢复训练。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Pen digit</source>
        <translation>手写笔数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Pen path model (GRU), the recurrent lesson</source>
        <translation>轨迹模型（GRU）、循环神经网络课程</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>Pen path model: none ({reason})</source>
        <translation>轨迹模型：无（{reason}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>Pen path model: {answer}</source>
        <translation>轨迹模型：{answer}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Perceptrons</source>
        <translation>感知机</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Plot Options</source>
        <translation>绘图选项</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Predicting with the network being trained (latest weights).</source>
        <translation>正在用训练中的网络进行预测（最新的权重）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Preprocessing steps</source>
        <translation>预处理步骤</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Put the best run's learning rate and weight decay into the training settings (SGD)</source>
        <translation>把最佳结果的学习率和权值衰减填入训练设置（SGD）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>PyTorch: {files} (folder)</source>
        <translation>PyTorch：{files}（文件夹）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Quit without saving the fine-tuned model?</source>
        <translation>不保存微调后的模型就退出？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>RNN: a hidden state h carried from time step to time step, h = tanh(x W + h U + b). Deep Learning from Scratch 2, ch. 5.</source>
        <translation>RNN：隐藏状态 h 从一个时刻传到下一个时刻，h = tanh(x W + h U + b)。见《深度学习进阶》第 5 章。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>RNN: hidden state h</source>
        <translation>RNN：隐藏状态 h</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>RNN: scale of U</source>
        <translation>RNN：U 的缩放</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Random shifts, rotations and scaling of the training images: more varied data, better on hand-drawn digits. Book ch. 8.1.</source>
        <translation>对训练图像随机平移、旋转和缩放（数据扩充）：数据更多样，对手写数字更稳健。见书 8.1 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>ReLU function</source>
        <translation>ReLU函数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>ReLU: max(0, x), the usual activation function. Book ch. 3.2 and 5.5.</source>
        <translation>ReLU：max(0, x)，最常用的激活函数。见书 3.2 节和 5.5 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Read the canvas with the fine-tuned model</source>
        <translation>用微调后的模型识别画布</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Read the digit drawn on the canvas: its strokes, in the order and direction you drew them, as the same 32 points</source>
        <translation>读取画布上画的数字：按你书写的顺序和方向，把笔画同样变成 32 个点</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Reading the pen digits…</source>
        <translation>正在读取手写笔数字…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Reading your digits and MNIST…</source>
        <translation>正在读取你的数字和 MNIST…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Recognize a digit from an image file (or drop one here)</source>
        <translation>识别图像文件中的数字（也可以把文件拖到这里）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Recurrent networks: the state over time and the vanishing gradient</source>
        <translation>循环神经网络：随时间变化的状态与梯度消失</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Relative error per tensor: {rows} — largest {worst}: {verdict}</source>
        <translation>每个张量的相对误差：{rows} — 最大 {worst}：{verdict}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>Remove every {type} ({n})</source>
        <translation>删除所有 {type}（{n} 个）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Remove run</source>
        <translation>删除训练</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Remove the last stroke, or bring back what Clear removed (Ctrl+Z)</source>
        <translation>撤销最后一笔，或恢复清空前的笔画（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_dialogs.py"/>
        <source>Resume training?</source>
        <translation>继续训练吗？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Rub ink out with the left button (the right button always erases)</source>
        <translation>用左键擦除笔迹（右键始终是擦除）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>Same settings: the runs differ only by chance.</source>
        <translation>设置完全相同：两次训练的差别只是偶然。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_text.py"/>
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>Save as my digit</source>
        <translation>存为我的数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>Save d&amp;esign as…</source>
        <translation>网络设计另存为(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Save the design</source>
        <translation>保存网络设计</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Save the design first?</source>
        <translation>先保存设计吗？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Save the fine-tuned model as a new file</source>
        <translation>把微调后的模型保存为新文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Save the model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Saved as {name}</source>
        <translation>已保存为 {name}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Save…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Scores a (comma-separated; try 1010, 1000, 990):</source>
        <translation>输入信号 a（用逗号分隔；试试 1010, 1000, 990）：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>Select a layer to edit its settings.</source>
        <translation>选择一层以编辑其设置。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>Settings that differ: {n}</source>
        <translation>不同的设置：{n} 项</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Settings: {settings}</source>
        <translation>设置：{settings}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Share of neurons silenced at random during training, against overfitting. 0.2-0.5; 0 turns Dropout off. Book ch. 6.4.</source>
        <translation>训练时随机删除的神经元比例，用来抑制过拟合。0.2～0.5；0 表示不用 Dropout。见书 6.4 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>Show each model's answer</source>
        <translation>显示每个模型的答案</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/design_summary.py"/>
        <source>Show the whole reason</source>
        <translation>显示完整的原因</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Sigmoid: squashes into (0, 1), the classic activation. Book ch. 3.2.</source>
        <translation>sigmoid 函数：把值压缩到 (0, 1)，经典的激活函数。见书 3.2 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Slope of Leaky ReLU for negative inputs. 0.01-0.3; 0 is plain ReLU.</source>
        <translation>Leaky ReLU 对负输入的斜率。0.01～0.3；0 即普通的 ReLU。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/app.py"/>
        <source>Some saved settings were not understood and were ignored: {keys}</source>
        <translation>部分保存的设置无法识别，已忽略：{keys}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/app.py"/>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Space the steps evenly</source>
        <translation>等间距放置阶跃</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Start</source>
        <translation>开始微调</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>Start from a network of the book (you can edit it afterwards)</source>
        <translation>从书中的网络开始（之后可以修改）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Starting point of every random choice (weights, shuffling): the same seed gives the same run. Any whole number from 0.</source>
        <translation>所有随机选择（权重初始值、打乱顺序）的起点：相同的种子得到相同的训练。可以是 0 以上的任意整数。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Step between two positions of the filter or window. 1 for convolutions; for pooling, empty means the window size (no overlap). Book ch. 7.2-7.3.</source>
        <translation>滤波器或窗口每次移动的间隔。卷积通常为 1；池化留空表示等于窗口大小（不重叠）。见书 7.2～7.3 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/optimizers_page.py"/>
        <source>Steps from ({x}, {y})</source>
        <translation>从 ({x}, {y}) 出发的步数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Stop after this many epochs without a better validation accuracy, and go back to the best epoch. 3-5; off trains every epoch. Book ch. 6.4.</source>
        <translation>验证准确率连续这么多轮没有提高时停止训练，并回到最佳的一轮。3～5；“关闭”则训练完所有轮。见书 6.4 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Stop fine-tuning and quit?</source>
        <translation>停止微调并退出？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Stop the experiment and quit?</source>
        <translation>停止实验并退出？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Stop the export and quit?</source>
        <translation>停止导出并退出？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Stop the work under way and quit?</source>
        <translation>停止正在进行的工作并退出？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Stop training and keep a checkpoint (Ctrl+.)</source>
        <translation>停止训练并保存检查点（Ctrl+.）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Stop training and quit?</source>
        <translation>停止训练并退出？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Stopped: no neighbours for this model yet.</source>
        <translation>已停止：这个模型还没有最近邻。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>Stopping after this batch…</source>
        <translation>本批次结束后停止…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>Take every layer of this type out of the network at once</source>
        <translation>一次从网络中删除这种类型的所有层</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Tanh: squashes into (-1, 1), centred on zero.</source>
        <translation>tanh 函数：以 0 为中心把值压缩到 (-1, 1)。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>TensorBoard log</source>
        <translation>TensorBoard 日志</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>TensorBoard: tensorboard --logdir {dir}</source>
        <translation>TensorBoard：tensorboard --logdir {dir}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Test accuracy: {acc}%</source>
        <translation>测试准确率：{acc}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Test accuracy: {acc}% ({n} test images)</source>
        <translation>测试准确率：{acc}%（{n} 张测试图像）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_preview.py"/>
        <source>The 28x28 image the network sees (after preprocessing)</source>
        <translation>网络看到的 28×28 图像（预处理之后）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>The activation function turns a layer's weighted sum into its output; the derivative is what backprop multiplies by (ch. 5).</source>
        <translation>激活函数把一层的加权和转换为输出信号；反向传播时乘上的正是它的导数（第5章）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>The answer above combines two networks: one reads the image of your drawing, the other the path of the pen (stroke order and direction).</source>
        <translation>上面的答案综合了两个神经网络：一个读取你所画的图像，另一个读取笔的轨迹（笔画顺序和方向）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>The best settings were found on the search's own network (6 hidden layers of 100, SGD, 400 images); Use the best puts them into the training settings of whatever design the designer holds.</source>
        <translation>最佳设置是在搜索自己的网络上找到的（6 个 100 单元的隐藏层，SGD，400 张图像）；“采用最佳设置”会把它们填入训练设置，用于设计器中当前的任何网络。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>The book's 2-3-2-2 network (3.4.3)</source>
        <translation>书中的 2-3-2-2 网络（3.4.3）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>The check failed: {error}</source>
        <translation>确认失败：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>The design has a problem</source>
        <translation>网络设计有问题</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>The design in the designer was changed and is not saved anywhere; the preset you chose replaces it.

Save the design first?</source>
        <translation>设计器中的设计已被修改，且没有保存在任何地方；你选择的预设会替换它。

先保存设计吗？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>The design in the designer was changed and is not saved anywhere; what you open now replaces it.

Save the design first?</source>
        <translation>设计器中的设计已被修改，且没有保存在任何地方；现在打开的文件会替换它。

先保存设计吗？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>The digit you drew: it is saved under this label</source>
        <translation>你画的数字：按这个标签保存</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>The evaluation stopped on an unexpected error: {reason}. The rest of the window keeps working; press Evaluate to try again.</source>
        <translation>评估因意外错误而停止：{reason}。窗口的其他部分照常工作；按“开始评估”即可重试。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>The experiment failed: {error}</source>
        <translation>实验失败：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>The fine-tuned model is not saved yet (Save… in the fine-tuning window). Quit now and it is lost.</source>
        <translation>微调后的模型还没有保存（在微调窗口中点“另存为…”）。现在退出的话，它会丢失。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>The gradient check failed: {error}</source>
        <translation>梯度确认出错：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/optimizers_page.py"/>
        <source>The gradient points mostly along y, not at the minimum (0, 0): SGD zigzags, Momentum rolls like a ball, AdaGrad and RMSprop shrink the steps along y, Adam does both. Each path is nndesk's own optimizer class updating (x, y).</source>
        <translation>梯度主要指向 y 方向，而不是最小值 (0, 0)：SGD 呈“之”字形，Momentum 像小球一样滚动，AdaGrad 和 RMSprop 减小 y 方向的步长，Adam 兼具两者。每条路径都由 nndesk 自己的最优化类更新 (x, y) 得到。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>The images to measure the model on</source>
        <translation>用来评估模型的图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>The inner sizes must match: the columns of the left matrix equal the rows of W; b is added to every row (broadcasting).</source>
        <translation>对应维度的元素个数必须一致：左边矩阵的列数等于 W 的行数；b 加到每一行上（广播）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>The input images: d loss / d x</source>
        <translation>输入图像：d 损失 / d x</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>The last checkpoint is kept: {path}
Resume it with: nndesk train --resume "{path}" --out model.npz</source>
        <translation>最后的检查点已保留：{path}
用以下命令继续训练：nndesk train --resume "{path}" --out model.npz</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>The learning rate {lr} is far below {optimizer}'s usual {usual}: the weights hardly move. Raise it (try {usual}).</source>
        <translation>学习率 {lr} 远低于 {optimizer} 常用的 {usual}：权重几乎不动。请调高学习率（试试 {usual}）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>The learning rule found these weights in {n} epochs.</source>
        <translation>学习规则用 {n} 个 epoch 找到了这组权重。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_verdicts.py"/>
        <source>The loss is growing instead of falling ({loss:.3g}): the learning rate is too large. Stop, lower the learning rate (try a tenth) and train again.</source>
        <translation>损失不降反升（{loss:.3g}）：学习率太大了。请停止训练，降低学习率（试试十分之一）后重新训练。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>The maps could not be computed: {reason}. The rest of the window keeps working; draw again to try once more, or open another model.</source>
        <translation>无法计算这两张图：{reason}。窗口的其他部分照常工作；再画一次即可重试，或者打开另一个模型。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_dialogs.py"/>
        <source>The model just trained reaches {new}% on the test images; the model the canvas uses now has no test accuracy recorded, so it may be better.

Use the new model on the canvas? (No keeps the current one; the new one is saved either way.)</source>
        <translation>刚训练好的模型在测试图像上的识别精度为 {new}%；画布当前使用的模型没有记录测试识别精度，它可能更好。

要在画布上使用新模型吗？（选“否”则保留当前模型；新模型无论如何都会保存。）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_dialogs.py"/>
        <source>The model just trained reaches {new}% on the test images; the model the canvas uses now reaches {old}%.

Use the new model on the canvas? (No keeps the current one; the new one is saved either way.)</source>
        <translation>刚训练好的模型在测试图像上的识别精度为 {new}%；画布当前使用的模型为 {old}%。

要在画布上使用新模型吗？（选“否”则保留当前模型；新模型无论如何都会保存。）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_jobs.py"/>
        <source>The neighbours could not be found: {reason}. The rest of the window keeps working; press Find neighbours to try again.</source>
        <translation>无法找到最近邻：{reason}。窗口的其他部分照常工作；按“查找最近邻”即可重试。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>The network has no layers.</source>
        <translation>网络没有任何层。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>The pen digits could not be read: {error}</source>
        <translation>无法读取手写笔数字：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>The pen's path</source>
        <translation>笔的轨迹</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>The settings of these runs are not known.</source>
        <translation>不知道这两次训练的设置。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>The shapes of the weights this layer learns: Dense W (inputs, units), Conv2D W (filters, channels, height, width), b one per output; BatchNorm γ and β one per feature or channel</source>
        <translation>这一层学习的权重的形状：Dense 的 W 为（输入数, 神经元数），Conv2D 的 W 为（滤波器数, 通道数, 高, 宽），偏置 b 每个输出一个；BatchNorm 的 γ 和 β 每个特征或通道一个</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>The training process ended unexpectedly (exit code {code}).</source>
        <translation>训练进程意外结束（退出码 {code}）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>The {f}×{f} filter does not fit the padded {m}×{m} input.</source>
        <translation>{f}×{f} 的滤波器放不进填充后的 {m}×{m} 输入。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Their weights (w1, w2, b) are the book's: NAND {nand}; OR {or_}; AND {and_}. The sliders are one perceptron's: Find weights or another gate brings them back.</source>
        <translation>它们的权重（w1、w2、b）取自书中：与非门 {nand}；或门 {or_}；与门 {and_}。滑块只属于单个感知机：点击“求权重”或选择其他门即可恢复。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>This export needs an optional library: pip install '{extra}'</source>
        <translation>此导出需要一个可选库：pip install '{extra}'</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>This is fig. 6-10: the values pile up at 0 and 1, where the sigmoid's gradient vanishes.</source>
        <translation>这就是图6-10：数据集中在 0 和 1 附近，sigmoid 函数的梯度在那里消失。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>This is fig. 6-11: every value is near 0.5; the neurons all say the same, so many neurons are no better than one.</source>
        <translation>这就是图6-11：所有值都集中在 0.5 附近；神经元都输出相同的值，多个神经元也就和一个没有区别（表现力受限）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>This is fig. 6-13: with Xavier's std 1/√n the values stay spread out in every layer.</source>
        <translation>这就是图6-13：使用 Xavier 初始值（标准差 1/√n），各层的分布都比较广。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>This layer has no settings.</source>
        <translation>这一层没有可设置的参数。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>This network has no Conv2D layer, so it has no feature maps.</source>
        <translation>这个网络没有卷积层（Conv2D），所以没有特征图。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>This network has no hidden layer: its nearest images are the pixel ones.</source>
        <translation>这个网络没有隐藏层：它的最近邻就是像素上的最近邻。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>This network reads pen paths</source>
        <translation>这个网络读取笔的轨迹</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Tick to show a run, untick to hide it; select two (Ctrl+click) to compare them</source>
        <translation>勾选显示一次训练，取消勾选则隐藏；选中两次（Ctrl+单击）即可比较</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>To recognize the digit in it: Canvas ▸ Open image… (Ctrl+Shift+I).</source>
        <translation>要识别其中的数字：画布 ▸ 打开图像…（Ctrl+Shift+I）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>Together: {answer}</source>
        <translation>综合：{answer}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>Together: {answer}, pen path weighted {weight}</source>
        <translation>综合：{answer}，轨迹权重 {weight}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Top: {source}, the hand-made filter (white +, black −) and its output. </source>
        <translation>上：{source}、手工设计的滤波器（白为正，黑为负）及其输出。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>Total: {params} parameters · input {input} → output {output}</source>
        <translation>合计：{params} 个参数 · 输入 {input} → 输出 {output}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/design_summary.py"/>
        <source>Total: —</source>
        <translation>合计：—</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Train a network or open a model first.</source>
        <translation>请先训练网络或打开模型。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Train on the first N images only (quick experiments); all = 55000 after the validation split.</source>
        <translation>只用前 N 张图像训练（快速实验）；“全部”即分出验证数据后的 55000 张。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_text.py"/>
        <source>Train the current model a little more on the digits you saved; MNIST digits are mixed in so it keeps reading other hands. The loaded model is not changed.</source>
        <translation>用你保存的数字对当前模型再稍加训练（微调）；训练时混入 MNIST 数字，使模型仍能识别别人的笔迹。已加载的模型不会被改变。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>Train the current model a little more on your saved digits, in the background</source>
        <translation>在后台用你保存的数字对当前模型再稍加训练</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Train this design on MNIST (Ctrl+T)</source>
        <translation>在 MNIST 上训练这个网络（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Training</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>Training diverged</source>
        <translation>训练发散了</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Training done. Evaluating the test set and saving the model…</source>
        <translation>训练完成。正在评估测试集并保存模型…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>Training failed: {err}

Check the design and the training settings.</source>
        <translation>训练失败：{err}

请检查网络设计和训练设置。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Training images kept aside to check the network (validation data), never trained on. 5000 is usual; 0 turns validation off. Book ch. 6.5.</source>
        <translation>留出来检查网络的训练图像（验证数据），不参与训练。通常为 5000；0 表示不验证。见书 6.5 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Training images whose 784 pixels are closest to the drawing's</source>
        <translation>784 个像素与所画数字最接近的训练图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Training images whose last hidden layer is closest to the drawing's</source>
        <translation>最后一个隐藏层的输出与所画数字最接近的训练图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Training needs MNIST; drawing still works.</source>
        <translation>训练需要 MNIST 数据集；画数字仍然可以使用。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/download.py"/>
        <source>Training needs the MNIST files in
{folder}

Missing: {missing}

Download them now (about 11 MB)? Drawing digits works without them.</source>
        <translation>训练需要以下文件夹中的 MNIST 文件：
{folder}

缺少：{missing}

现在下载吗（约 11 MB）？没有它们也可以画数字。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>Training resumed.</source>
        <translation>训练已继续。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Training settings now: SGD, learning rate {lr}, weight decay {wd}.</source>
        <translation>训练设置已改为：SGD，学习率 {lr}，权值衰减 {wd}。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Training techniques on MNIST</source>
        <translation>在 MNIST 上验证与学习相关的技巧</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Training time: {minutes} min</source>
        <translation>训练时间：{minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_dialogs.py"/>
        <source>Training was interrupted when the window closed:
{run}.

Resume that run now?

(checkpoint: {path})</source>
        <translation>关闭窗口时训练被中断了：
{run}。

现在继续那次训练吗？

（检查点：{path}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>Training {epochs} epochs of {batches} batches…</source>
        <translation>训练 {epochs} 轮，每轮 {batches} 个批次…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Transforms</source>
        <translation>变换</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>True derivative 0.2. For the forward difference, shrinking h first helps (less truncation error), then hurts (rounding error): its best h is {best}. The central difference has no truncation error on a quadratic, only rounding; the book uses h = 1e-4. At h = 1e-50, 5 + h rounds to 5, the difference is 0 and the error is the whole 0.2.</source>
        <translation>真正的导数是 0.2。对前向差分，h 变小起初有益（截断误差变小），之后有害（舍入误差）：最佳 h 为 {best}。中心差分对二次函数没有截断误差，只有舍入误差；书中使用 h = 1e-4。h = 1e-50 时 5 + h 被舍入为 5，差为 0，误差就是整个 0.2。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source>True {true}, predicted {pred}: {n}</source>
        <translation>正确标签 {true}，预测为 {pred}：{n}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Two lines: the output is 1 between them. Layer 1 computes NAND and OR, layer 2 computes AND of their outputs.</source>
        <translation>两条直线：两线之间输出为 1。第 1 层计算与非门和或门，第 2 层对它们的输出计算与门。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Type 10 numbers from 0 to 1, separated by commas.</source>
        <translation>请输入 10 个 0 到 1 之间、用逗号分隔的数。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Type between 1 and 20 numbers.</source>
        <translation>请输入 1 到 20 个数。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Type numbers separated by commas.</source>
        <translation>请输入用逗号分隔的数。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>U (recurrent weights)</source>
        <translation>U（循环权重）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Universality (ch. 4)</source>
        <translation>普遍性定理（第4章）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Use my drawing</source>
        <translation>用我画的数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Use the best</source>
        <translation>采用最佳设置</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_dialogs.py"/>
        <source>Use the new model?</source>
        <translation>使用新模型吗？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Use this model</source>
        <translation>使用这个模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_health.py"/>
        <source>Validation accuracy after epoch {epoch} is {acc}%, under twice guessing ({chance}%): the network is not learning. {hint}</source>
        <translation>第 {epoch} 轮后的验证准确率为 {acc}%，低于随机猜测的两倍（{chance}%）：网络没有在学习。{hint}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_search.py"/>
        <source>Validation accuracy by setting</source>
        <translation>各设置的验证数据识别精度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Validation accuracy: {acc}%</source>
        <translation>验证准确率：{acc}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Validation images, choosing settings</source>
        <translation>验证数据、超参数的选择</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>View All</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Visible Data Only</source>
        <translation>仅限可见数据</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>W (weights)</source>
        <translation>W（权重）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Weight decay, Dropout, early stop, train vs validation accuracy (overfitting)</source>
        <translation>权值衰减、Dropout、早停、训练与验证准确率之差（过拟合）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Weight decay: pulls weights toward zero, against overfitting. 0 (off) to 0.001; 0.0001 is a good start. Book ch. 6.4.</source>
        <translation>权值衰减：把权重拉向 0，抑制过拟合。0（关闭）～0.001；可以从 0.0001 开始。见书 6.4 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_table.py"/>
        <source>Weights: {shapes}</source>
        <translation>权重：{shapes}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>What the network gets is step 7, the same as “network sees”. Hover a step for its size in pixels.</source>
        <translation>网络得到的是第 7 步，与“网络看到的”相同。鼠标悬停在某一步上可查看其像素尺寸。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>Where the &amp;books explain it…</source>
        <translation>书中哪里讲到(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>Which class the maps explain: red pixels speak for it, blue ones against it</source>
        <translation>图解释哪个类别：红色像素支持它，蓝色像素反对它</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>Which digit is it? Set the box left of “Save as my digit”, then save.</source>
        <translation>这是哪个数字？请在“存为我的数字”左边的方框中设置，然后保存。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Which settings the two selected runs differ in</source>
        <translation>选中的两次训练有哪些设置不同</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>While training, the canvas and the feature maps use the latest weights. A run is saved with its curves and settings; File ▸ Open model brings any model back. View ▸ Language switches between English, 简体中文 and 日本語 at once.</source>
        <translation>训练时，画布和特征图使用最新的权重。每次训练连同曲线和设置一起保存；“文件 ▸ 打开模型”可以随时找回。“视图 ▸ 语言”可在 English、简体中文、日本語 之间立即切换。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Why cross-entropy, and why one hidden layer can do it all</source>
        <translation>为什么用交叉熵，以及为什么一个隐藏层就能表示任何函数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Why this answer</source>
        <translation>为什么是这个答案</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Written: {path}</source>
        <translation>已写入：{path}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>X {shape}: {what}</source>
        <translation>X {shape}：{what}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Xavier</source>
        <translation>Xavier 初始值</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Your design's convolutions: </source>
        <translation>你的网络中的卷积层：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <location filename="../../nndesk/gui/finetune_text.py"/>
        <source>Your held-out digits ({n}): {before} → {after}</source>
        <translation>你留作测试的数字（{n} 个）：{before} → {after}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Your runs</source>
        <translation>训练结果保存位置</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Zero pixels added around the input. (kernel size - 1) / 2 keeps the size: 1 for 3x3, 2 for 5x5. Book ch. 7.2.</source>
        <translation>在输入周围补 0 的像素数。（滤波器大小 − 1）/ 2 可保持大小不变：3×3 用 1，5×5 用 2。见书 7.2 节。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a BMP image</source>
        <translation>BMP 图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a CSV text file (curves an experiment wrote?)</source>
        <translation>CSV 文本文件（实验写出的曲线？）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a GIF image</source>
        <translation>GIF 图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a JPEG image</source>
        <translation>JPEG 图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a JSON text file (a network spec?)</source>
        <translation>JSON 文本文件（网络描述？）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a Python pickle</source>
        <translation>Python pickle 文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a binary file of an unknown kind</source>
        <translation>未知类型的二进制文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a gzip file (MNIST's IDX data are gzip files)</source>
        <translation>gzip 文件（MNIST 的 IDX 数据就是 gzip 文件）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a layer must be a dict with a "type", e.g. {example}</source>
        <translation>每一层必须是带有 "type" 的字典，例如 {example}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a model file is an .npz archive written by 'nndesk train' or the window's File ▸ Save model as…</source>
        <translation>模型文件是由 “nndesk train” 或窗口的“文件 ▸ 模型另存为…”写出的 .npz 归档</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a model file is an .npz written by 'nndesk train'</source>
        <translation>模型文件是由 “nndesk train” 写出的 .npz</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a model file is an .npz written by 'nndesk train' or the window's File ▸ Save model as…</source>
        <translation>模型文件是由 “nndesk train” 或窗口的“文件 ▸ 模型另存为…”写出的 .npz</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a network needs a non-empty list of "layers"</source>
        <translation>网络需要一个非空的 "layers" 列表</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a network spec must be a dict with "input_shape" and "layers"</source>
        <translation>网络描述必须是带有 "input_shape" 和 "layers" 的字典</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>a sample 7 (draw on the canvas)</source>
        <translation>示例数字 7（可在画布上书写）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a single NumPy array (.npy)</source>
        <translation>单个 NumPy 数组（.npy）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a spec is trained with 'nndesk train --spec FILE.json' or opened in the designer; a model file is an .npz</source>
        <translation>网络描述可以用 “nndesk train --spec FILE.json” 训练，或在设计器中打开；模型文件是 .npz</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a text file</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a text file (Markdown)</source>
        <translation>文本文件（Markdown）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a zip archive (an nndesk model file?)</source>
        <translation>zip 压缩文件（nndesk 的模型文件？）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a {k}x{k} kernel does not fit a {h}x{w} input</source>
        <translation>{k}×{k} 的滤波器放不进 {h}×{w} 的输入</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a {k}x{k} kernel does not fit a {h}x{w} input padded by {p}</source>
        <translation>{k}×{k} 的滤波器放不进填充 {p} 后的 {h}×{w} 输入</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a {p}x{p} window does not fit a {h}x{w} input</source>
        <translation>{p}×{p} 的窗口放不进 {h}×{w} 的输入</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/accuracy_plot.py"/>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>accuracy %</source>
        <translation>准确率 %</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>accuracy fell to chance while the loss rose above its start</source>
        <translation>准确率跌到了随机猜测的水平，而损失升到了起始值之上</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/confusion_view.py"/>
        <source>accuracy per digit</source>
        <translation>每个数字的识别精度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>after {layer}</source>
        <translation>{layer} 之后</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/optimizers_page.py"/>
        <source>after {n} steps: ({x}, {y}), f = {f}</source>
        <translation>{n} 步后：({x}, {y})，f = {f}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>an IDX data file (MNIST images or labels)</source>
        <translation>IDX 数据文件（MNIST 的图像或标签）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>an image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_verdicts.py"/>
        <source>an opened image</source>
        <translation>打开的图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>any number of steps</source>
        <translation>任意步数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>apple price</source>
        <translation>苹果的单价</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>apples</source>
        <translation>苹果的个数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>augment</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>augmentation</source>
        <translation>数据扩充</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>axis</source>
        <translation>轴</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>b (biases)</source>
        <translation>b（偏置）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>back to the best epoch</source>
        <translation>回到最佳轮次</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>background removed</source>
        <translation>去除背景</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>backprop disagrees!</source>
        <translation>反向传播与数值微分不一致！</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>backprop is right</source>
        <translation>反向传播的实现正确</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>backward {param}</source>
        <translation>反向 {param}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/loss_plot.py"/>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>batch (a point every {s} s or more)</source>
        <translation>批次（每 {s} 秒或更久一个点）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/accuracy_plot.py"/>
        <source>best {acc}%</source>
        <translation>最佳 {acc}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>beta (shift)</source>
        <translation>beta（平移）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>bidirectional</source>
        <translation>双向</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>book 2, ch. 5-6</source>
        <translation>第 2 册，第 5-6 章</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>bumps (2 hidden neurons each)</source>
        <translation>凸起个数（每个用 2 个隐藏神经元）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>cannot write {path}: {reason}; {kept}</source>
        <translation>无法写入 {path}：{reason}；{kept}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>central difference (f(x+h) − f(x−h)) / 2h</source>
        <translation>中心差分 (f(x+h) − f(x−h)) / 2h</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>centred 28x28</source>
        <translation>居中到 28×28</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 3</source>
        <translation>第 3 章</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 4</source>
        <translation>第 4 章</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 4.4, 5.7</source>
        <translation>第 4.4、5.7 节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 5</source>
        <translation>第 5 章</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 6.1</source>
        <translation>6.1 节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 6.2</source>
        <translation>6.2 节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 6.3</source>
        <translation>6.3 节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 6.4</source>
        <translation>6.4 节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 6.5</source>
        <translation>6.5 节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 7.1-7.5</source>
        <translation>7.1～7.5 节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 7.6</source>
        <translation>7.6 节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 7.7</source>
        <translation>7.7 节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 8.1</source>
        <translation>8.1 节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>col (f² × OH·OW): one column per output pixel — click one</source>
        <translation>col（f² × OH·OW）：每个输出像素对应一列 — 点击其中一列</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>component kept</source>
        <translation>保留的连通域</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>constant</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>consumption tax</source>
        <translation>消费税</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>crop</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>cross-entropy cost</source>
        <translation>交叉熵代价函数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>curves are plotted with 'nndesk experiment'; a model file is an .npz written by 'nndesk train' or the window's File ▸ Save model as…</source>
        <translation>曲线可以用 “nndesk experiment” 绘制；模型文件是由 “nndesk train” 或窗口的“文件 ▸ 模型另存为…”写出的 .npz</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>data files go in the data folder (--data-dir); a model file is an .npz</source>
        <translation>数据文件应放在数据文件夹中（--data-dir）；模型文件是 .npz</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_job.py"/>
        <source>dead</source>
        <translation>死亡</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>dead {p}%</source>
        <translation>死亡 {p}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>decay every (epochs)</source>
        <translation>衰减间隔（轮）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>decay factor</source>
        <translation>衰减系数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>digit {c}: red for, blue against · {g} ms + {o} ms</source>
        <translation>数字 {c}：红色支持，蓝色反对 · {g} ms + {o} ms</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>digit {d}</source>
        <translation>数字 {d}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/optimizers_page.py"/>
        <source>diverged</source>
        <translation>发散了</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/loss_plot.py"/>
        <source>diverged here</source>
        <translation>在此发散</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>done: {n} images</source>
        <translation>完成：{n} 张图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/answer_words.py"/>
        <source>draw a digit</source>
        <translation>请画一个数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/canvas_paint.py"/>
        <source>draw a digit here</source>
        <translation>在这里画一个数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>drawing the pen digits: %v of %m</source>
        <translation>正在绘制笔迹数字：%v / %m</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_verdicts.py"/>
        <source>drawn on a bitmap</source>
        <translation>画在位图上</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>drop rate</source>
        <translation>删除比例</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>early stop</source>
        <translation>早停</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>early_stop, val_split and train_limit cannot be negative</source>
        <translation>early_stop、val_split 和 train_limit 都不能为负数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>elastic distortion needs alpha &gt;= 0 and sigma &gt; 0, not {alpha} and {sigma}</source>
        <translation>弹性形变需要 alpha &gt;= 0 且 sigma &gt; 0，而不是 {alpha} 和 {sigma}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>elastic distortion smoothness</source>
        <translation>弹性形变平滑度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>elastic distortion strength</source>
        <translation>弹性形变强度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>empty or all zero bytes</source>
        <translation>空文件或全是零字节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/accuracy_plot.py"/>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>epoch {epoch}/{epochs}</source>
        <translation>第 {epoch}/{epochs} 轮</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>epoch {epoch}/{epochs} · batch {batch}/{batches}</source>
        <translation>第 {epoch}/{epochs} 轮 · 批次 {batch}/{batches}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>epsilon</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_verdicts.py"/>
        <source>eraser used</source>
        <translation>用了橡皮擦</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>evaluating the test set…</source>
        <translation>正在评估测试集…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>evaluating: %v of %m images</source>
        <translation>正在评估：%v / %m 张图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>evaluation batch size</source>
        <translation>评估批大小</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>exp(a) overflows to inf: the naive softmax gives nan (inf / inf). Subtracting the largest score first gives the same probabilities and no overflow (eq. 3.11).</source>
        <translation>exp(a) 溢出为 inf：直接实现的 softmax 得到 nan（inf / inf）。先减去输入信号中的最大值，结果不变，也不会溢出（式 3.11）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>f(x0, x1) = x0² + x1²: −gradient (arrows) and descent paths</source>
        <translation>f(x0, x1) = x0² + x1²：负梯度（箭头）与梯度下降的路径</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>filter</source>
        <translation>滤波器</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>filter W</source>
        <translation>滤波器 W</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>filter f</source>
        <translation>滤波器大小 f</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>filters</source>
        <translation>滤波器数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>forward difference (f(x+h) − f(x)) / h</source>
        <translation>前向差分 (f(x+h) − f(x)) / h</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>gamma (scale)</source>
        <translation>gamma（缩放）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>gradient × input</source>
        <translation>梯度 × 输入</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <source>gradients vanish: layer {first} learns {times}× slower than layer {last} (RMS of the bias gradients, Nielsen ch. 5)</source>
        <translation>梯度消失：第 {first} 层的学习速度比第 {last} 层慢 {times} 倍（偏置梯度的 RMS，Nielsen 第5章）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>gray</source>
        <translation>灰度图</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>has {params} parameters; nndesk trains at most {limit} ({size} for the weights alone)</source>
        <translation>有 {params} 个参数；nndesk 最多训练 {limit} 个（仅权重就需要 {size}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>horizontal edges</source>
        <translation>横向边缘</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>how much p drops when a 6×6 patch is blanked</source>
        <translation>遮住 6×6 的小块时 p 下降多少</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>identity function</source>
        <translation>恒等函数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>im2col copies every window of the input into one column; the whole convolution is then one matrix product, which is why nndesk's Conv2D is fast.</source>
        <translation>im2col 把输入数据中滤波器作用的每个区域展开为一列；整个卷积运算于是变成一次矩阵乘积，这正是 nndesk 的 Conv2D 快的原因。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source>image {index}: true {true}, predicted {pred} ({p}%), second {second} ({q}%)</source>
        <translation>图像 {index}：正确标签 {true}，识别为 {pred}（{p}%），第二可能 {second}（{q}%）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>infinite</source>
        <translation>无穷大</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>init must be at most {high} (the std of the weights), not {value}</source>
        <translation>初始权重最多为 {high}（权重的标准差），而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>init std {0}, BatchNorm</source>
        <translation>初始标准差 {0}，有 BatchNorm</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>init std {0}, no BatchNorm</source>
        <translation>初始标准差 {0}，无 BatchNorm</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>init {init}</source>
        <translation>初始化：{init}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>initial weights</source>
        <translation>权重初始值</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>ink mask</source>
        <translation>墨迹掩码</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <location filename="../../nndesk/gui/lessons/common.py"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>input (padded)</source>
        <translation>输入数据（含填充）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>input n</source>
        <translation>输入大小 n</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>input_shape must be [features], [steps, features] (steps may be null: any length) or [channels, height, width] of positive whole numbers, e.g. [1, 28, 28]; got {value}</source>
        <translation>input_shape 必须是由正整数组成的 [特征数]、[步数, 特征数]（步数可以为 null：任意长度）或 [通道, 高, 宽]，例如 [1, 28, 28]；实际为 {value}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>kernel size</source>
        <translation>滤波器大小</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>labels must be in 0..{high}; got {low}..{top}</source>
        <translation>标签必须在 0..{high} 之间，实际为 {low}..{top}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>layer {i}: ({n} + 2·{p} − {f}) / {s} + 1 = {size}; the designer infers {shape}</source>
        <translation>第 {i} 层：({n} + 2·{p} − {f}) / {s} + 1 = {size}；设计器推断为 {shape}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>layer {n}</source>
        <translation>第 {n} 层</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>layer {n} (BatchNorm) on a sequence cannot be exported yet</source>
        <translation>第 {n} 层（BatchNorm）作用于序列，暂时无法导出</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>layer {n} ({type}) cannot be exported as book-style NumPy; export it to pytorch or onnx</source>
        <translation>第 {n} 层（{type}）无法导出为书中风格的 NumPy 代码；请导出为 pytorch 或 onnx</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>layer {n} ({type}) cannot be exported yet; supported: {known}</source>
        <translation>第 {n} 层（{type}）暂时无法导出；支持的层：{known}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>layer {n} ({type}): {reason}</source>
        <translation>第 {n} 层（{type}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/common.py"/>
        <source>layer {n} {tensor}</source>
        <translation>第{n}层 {tensor}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>layer {n} {type}: weights</source>
        <translation>第 {n} 层 {type}：权重</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>leaky ReLU (α = 0.1)</source>
        <translation>Leaky ReLU函数（α = 0.1）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>learned filter #</source>
        <translation>学习到的滤波器 #</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>learning rate {i}</source>
        <translation>学习率 {i}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source>least confident first</source>
        <translation>置信度低的在前</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_search.py"/>
        <source>log10(learning rate)</source>
        <translation>log10（学习率）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_search.py"/>
        <source>log10(weight decay)</source>
        <translation>log10（权值衰减）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/loss_plot.py"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>loss (mean of the last %n step(s))</source>
        <translation>
            <numerusform>损失（最后 %n 步的平均）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>loss (moving average of {n} steps)</source>
        <translation>损失（{n} 步的移动平均）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>loss {loss} has no exported equivalent ({known})</source>
        <translation>损失函数 {loss} 没有可导出的对应项（{known}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>lr {0}, decay {1}</source>
        <translation>学习率 {0}，权值衰减 {1}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>lr {lr}: f = {f} after {n} steps</source>
        <translation>学习率 {lr}：{n} 步后 f = {f}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>lr·‖dW‖/‖W‖</source>
        <translation>学习率·‖dW‖/‖W‖</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>map</source>
        <translation>特征图</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>mean per layer: {means} · std per layer: {stds}</source>
        <translation>各层均值：{means} · 各层标准差：{stds}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/design_summary.py"/>
        <source>more…</source>
        <translation>更多…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source>most confident first</source>
        <translation>置信度高的在前</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>my digits</source>
        <translation>我的数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>my drawing</source>
        <translation>我画的数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>naive softmax</source>
        <translation>直接实现的 softmax</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>name must be text, not {value}</source>
        <translation>名称必须是文本，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>nearest for the network</source>
        <translation>网络眼中最近的</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>nearest in pixels</source>
        <translation>像素上最近的</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>needs a fixed number of inputs, but its input is a sequence of any number of steps (x {f}); turn {name} off on the recurrent layer before it, so that only its last state comes out</source>
        <translation>需要固定数量的输入，但它的输入是任意步数的序列（×{f}）；请关闭它前面那个循环层的“{name}”，只输出最后的状态</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>needs a sequence (steps x features), but its input is {what}; a recurrent layer reads the input sequence or the output of another recurrent layer with {name} on</source>
        <translation>需要序列（步数×特征数）作为输入，但它的输入是{what}；循环层读取的是输入序列，或另一个开启了“{name}”的循环层的输出</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>needs an image (channels x height x width), but its input is a sequence ({steps} x {f} features); {layer} reads images, RNN, GRU and LSTM read sequences</source>
        <translation>需要图像（通道×高×宽）作为输入，但它的输入是序列（{steps}×{f} 个特征）；{layer} 读取图像，RNN、GRU 和 LSTM 读取序列</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>needs an image (channels x height x width), but its input is {size} numbers in a row; put {layer} before any Dense or Flatten</source>
        <translation>需要图像（通道×高×宽）作为输入，但它的输入是排成一行的 {size} 个数；请把 {layer} 放在所有 Dense 或 Flatten 之前</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>needs {size} for the weights; this computer has {have}</source>
        <translation>仅权重就需要 {size}；这台计算机只有 {have}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>needs {size} to train on a batch of {batch} (weights, gradients, optimizer state and each layer's outputs); this computer has {have}</source>
        <translation>以批大小 {batch} 训练需要 {size}（权重、梯度、优化器状态和每一层的输出）；这台计算机只有 {have}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>negative slope</source>
        <translation>负斜率</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>network sees</source>
        <translation>网络看到的</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>neuron</source>
        <translation>神经元</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>nndesk help</source>
        <translation>nndesk 帮助</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>nndesk models (*.npz)</source>
        <translation>nndesk 模型 (*.npz)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>nndesk never loads pickles (they can run code); a model file is an .npz written by nndesk</source>
        <translation>nndesk 从不加载 pickle 文件（它们可以执行代码）；模型文件是 nndesk 写出的 .npz</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>nndesk — design, train, look inside, draw</source>
        <translation>nndesk —— 设计、训练、观察内部、手写识别</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>no TensorBoard log: pip install 'nndesk[tensorboard]' to write one</source>
        <translation>未写 TensorBoard 日志：请先 pip install 'nndesk[tensorboard]'</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>no TensorBoard log: {err}</source>
        <translation>未写 TensorBoard 日志：{err}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>no checkpoint was saved before</source>
        <translation>此前没有保存过检查点</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_preview.py"/>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>no digit found</source>
        <translation>未检测到数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>no digits to fine-tune on</source>
        <translation>没有可用于微调的数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>no digits to fine-tune on: save some digits first (all were held out to measure)</source>
        <translation>没有可用于微调的数字：请先多保存一些数字（现有的都被留作测量之用）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>no file name given: an {kind} export is one file, e.g. {example}</source>
        <translation>没有给出文件名：{kind}导出是单个文件，例如 {example}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>no folder name given: a {kind} export is a folder, e.g. {example}</source>
        <translation>没有给出文件夹名：{kind}导出是一个文件夹，例如 {example}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>no images in the folder yet: save some from the canvas</source>
        <translation>文件夹里还没有图像：先从画布保存几个数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>no layers</source>
        <translation>没有层</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/answer_words.py"/>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>no model</source>
        <translation>没有模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>no such file or folder</source>
        <translation>找不到该文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_verdicts.py"/>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>no trajectory model</source>
        <translation>没有轨迹模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>none yet</source>
        <translation>还没有</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/answer_words.py"/>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>not a digit</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/answer_words.py"/>
        <source>not sure: {first} {p1}%, {second} {p2}%</source>
        <translation>不确定：{first} {p1}%，{second} {p2}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>nothing drawn: the bitmap is empty</source>
        <translation>什么都没画：位图是空的</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>now the network being trained (press Evaluate)</source>
        <translation>现在是训练中的网络（按“开始评估”）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>occlusion</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>one sample</source>
        <translation>单个数据</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>orange price</source>
        <translation>橘子的单价</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>oranges</source>
        <translation>橘子的个数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>other std:</source>
        <translation>其他标准差：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>output = W (1 × f²) · col</source>
        <translation>输出 = W (1 × f²) · col</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>padding p</source>
        <translation>填充 p</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>parameter tensor</source>
        <translation>参数张量</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>payment</source>
        <translation>支付金额</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>pen digits (writers 21-30) as images</source>
        <translation>手写笔数字（书写者 21-30）的图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>pen digits not found at {path}</source>
        <translation>在 {path} 找不到笔迹数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/loss_plot.py"/>
        <source>per batch</source>
        <translation>每个批次</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>plain</source>
        <translation>不加抑制</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>pool size</source>
        <translation>池化窗口</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/confusion_view.py"/>
        <source>predicted digit</source>
        <translation>预测结果</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>quadratic cost</source>
        <translation>二次代价函数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>reading the images…</source>
        <translation>正在读取图像…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_verdicts.py"/>
        <source>reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>recurrent {k}</source>
        <translation>循环层 {k}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>return sequences</source>
        <translation>输出整个序列</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>running-average momentum</source>
        <translation>滑动平均动量</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/editors.py"/>
        <source>same as pool size</source>
        <translation>与池化窗口大小相同</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_job.py"/>
        <source>saturated</source>
        <translation>饱和</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>saturated {p}%</source>
        <translation>饱和 {p}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>shown for a first Conv2D or a Dense on raw pixels</source>
        <translation>仅在第一层是卷积层或直接作用于像素的全连接层时显示</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>sigmoid function</source>
        <translation>sigmoid函数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/loss_plot.py"/>
        <source>smoothed</source>
        <translation>平滑后</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>snapshot every (s)</source>
        <translation>快照间隔（秒）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>softmax function</source>
        <translation>softmax函数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>softmax(a): probabilities</source>
        <translation>softmax(a)：概率</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>steepness w</source>
        <translation>陡峭度 w</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>step function</source>
        <translation>阶跃函数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>step {t} of {n}</source>
        <translation>第 {t} 步，共 {n} 步</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>stopped early: no better validation accuracy for {n} epochs (best: epoch {best}, {acc})</source>
        <translation>早停：验证准确率连续 {n} 轮没有提高（最佳：第 {best} 轮，{acc}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>stopped early: no better validation accuracy for {n} epochs (best: epoch {best}, {acc}); weights of epoch {restored} restored</source>
        <translation>早停：验证准确率连续 {n} 轮没有提高（最佳：第 {best} 轮，{acc}）；已恢复第 {restored} 轮的权重</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>stopped in epoch {epoch} after batch {batch} of {batches}</source>
        <translation>在第 {epoch} 轮的第 {batch}/{batches} 个批次之后停止</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>stride s</source>
        <translation>步幅 s</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>tanh function</source>
        <translation>tanh函数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>target</source>
        <translation>正确解</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>test accuracy every epoch</source>
        <translation>每轮测量测试准确率</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>test set</source>
        <translation>测试数据</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>the answer</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the file system is read-only</source>
        <translation>文件系统是只读的</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the label must be a digit 0-9, not {label}</source>
        <translation>标签必须是 0-9 的数字，而不是 {label}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the last good checkpoint (epoch {epoch}) is kept</source>
        <translation>保留了最后一个正常的检查点（第 {epoch} 轮）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the last good weights (step {step}) were kept in {path}</source>
        <translation>最后一组正常的权重（第 {step} 步）已恢复，并保存在 {path}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the last good weights (step {step}) were put back</source>
        <translation>已恢复最后一组正常的权重（第 {step} 步）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the last good weights (step {step}) were put back (writing them to {path} failed: {reason})</source>
        <translation>已恢复最后一组正常的权重（第 {step} 步）（写入 {path} 失败：{reason}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the last layer must give one score per class (e.g. Dense with 10 units), but it gives a sequence ({steps} x {f}); turn {name} off on the last recurrent layer</source>
        <translation>最后一层必须为每个类别给出一个分数（例如 10 个单元的 Dense），但它输出的是序列（{steps}×{f}）；请关闭最后一个循环层的“{name}”</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the last layer must give one score per class (e.g. Dense with 10 units), but it gives a {size} map</source>
        <translation>最后一层必须为每个类别给出一个分数（例如 10 个单元的 Dense），但它输出的是 {size} 的特征图</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the learning rate must be above 0, not {value}</source>
        <translation>学习率必须大于 0，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <source>the loaded model</source>
        <translation>已加载的模型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the loss became {kind}</source>
        <translation>损失变成了{kind}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the loss exploded (running mean {ema}; it started at {start})</source>
        <translation>损失爆炸了（滑动平均 {ema}；起始值为 {start}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the magic number</source>
        <translation>魔数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <location filename="../../nndesk/gui/help.py"/>
        <source>the network being trained</source>
        <translation>训练中的网络</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>the network being trained ({time})</source>
        <translation>训练中的网络（{time}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>the network being trained at step {step} ({time})</source>
        <translation>训练中的网络，第 {step} 步（{time}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the network does not build: {reason}</source>
        <translation>网络无法构建：{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the network expects images shaped {want}, the training data is {have}</source>
        <translation>网络需要形状为 {want} 的图像，而训练数据的形状是 {have}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/state.py"/>
        <source>the network outputs {n} scores, but the data has {classes} classes (digits 0-9): the last Dense layer needs {classes} units</source>
        <translation>网络输出 {n} 个分数，但数据有 {classes} 个类别（数字 0-9）：最后的全连接层需要 {classes} 个单元</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <source>the new design, initial weights (not trained yet)</source>
        <translation>新的网络设计，权重初始值（尚未训练）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <source>the run has ended: its last figures stay</source>
        <translation>训练已结束：保留最后一次的数值</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_text.py"/>
        <source>this computer ran out of memory</source>
        <translation>这台电脑的内存不够了</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/answer_words.py"/>
        <source>this does not look like a digit</source>
        <translation>这看起来不像数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>this network has no hidden layer: its features are the pixels</source>
        <translation>这个网络没有隐藏层：它的特征就是像素本身</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>time step t</source>
        <translation>时刻 t</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>to recognize the digit in it: nndesk predict IMAGE</source>
        <translation>要识别其中的数字：nndesk predict 图像文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/accuracy_plot.py"/>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>train images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>training image {index}: a {label}, distance {d}</source>
        <translation>训练图像 {index}：标签 {label}，距离 {d}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>training images</source>
        <translation>训练图像张数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>training images measured</source>
        <translation>用于测量的训练图像数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/confusion_view.py"/>
        <source>true digit</source>
        <translation>正确标签</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>unknown layer type; did you mean {close}? known types: {known}</source>
        <translation>未知的层类型；你是指 {close} 吗？可用的类型：{known}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>unknown layer type; known types: {known}</source>
        <translation>未知的层类型；可用的类型：{known}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>unknown loss {loss}; choose one of {known}</source>
        <translation>未知的损失函数 {loss}；请从 {known} 中选择</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>unknown optimizer {value}; choose one of {known}</source>
        <translation>未知的优化器 {value}；请从 {known} 中选择</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>unknown schedule {value}; choose one of {known}</source>
        <translation>未知的学习率调度 {value}；请从 {known} 中选择</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>unknown setting {name} (settings: {known})</source>
        <translation>未知的设置 {name}（可用的设置：{known}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/accuracy_plot.py"/>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_search.py"/>
        <source>validation accuracy %</source>
        <translation>验证准确率 %</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_job.py"/>
        <source>vanishing</source>
        <translation>消失</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>vertical edges</source>
        <translation>纵向边缘</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>warm-up epochs</source>
        <translation>预热轮数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>weight decay {0}</source>
        <translation>权值衰减 {0}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>weight init</source>
        <translation>权重初始化方法</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>what</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>x · d log p / d x: one backward pass down to the pixels</source>
        <translation>x · d log p / d x：反向传播一直到像素</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>y = 1 when w1·x1 + w2·x2 + b &gt; 0, else 0. One perceptron draws one straight line: AND, NAND and OR have one, XOR needs two layers.</source>
        <translation>w1·x1 + w2·x2 + b &gt; 0 时 y = 1，否则为 0。一个感知机只能画出一条直线：与门、与非门、或门各有一条，异或门需要两层。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>y_k is 0 and log 0 is −∞: the book's cross_entropy_error adds a tiny δ = 1e-7 so the error stays a number (ch. 4.2.2), here −log(1e-7) ≈ 16.12.</source>
        <translation>y_k 为 0，而 log 0 是 −∞：书中的 cross_entropy_error 加上一个微小的 δ = 1e-7，使误差仍是一个数（4.2.2 节），这里 −log(1e-7) ≈ 16.12。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>your digit</source>
        <translation>你写的数字</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>your handwriting: %n digit(s), accuracy {acc}%</source>
        <translation>
            <numerusform>你的笔迹：%n 个数字，识别精度 {acc}%</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>your handwriting: no digits saved yet</source>
        <translation>你的笔迹：还没有保存数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/download.py"/>
        <source>{error}

Check your internet connection and try again, or copy the four MNIST .gz files into {folder}.</source>
        <translation>{error}

请检查网络连接后重试，或者把 4 个 MNIST .gz 文件复制到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/app.py"/>
        <source>{error}

The window keeps working; if this happens again, save your design and model, restart nndesk, and report the message above.</source>
        <translation>{error}

窗口仍可继续使用；如果再次出现此问题，请保存网络设计和模型，重新启动 nndesk，并报告上面的信息。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <location filename="../../nndesk/gui/plot_export.py"/>
        <source>{err}

Choose another folder.</source>
        <translation>{err}

请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>{err}

Open a .json file saved with File ▸ Save design as….</source>
        <translation>{err}

请打开用“文件 ▸ 网络设计另存为…”保存的 .json 文件。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>{err}

Use Train again to download MNIST, or put the files there.</source>
        <translation>{err}

请再次点击“训练”下载 MNIST，或者把文件放到那里。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>{failed} of {n} tensors disagree: a backward pass is wrong, or the step crossed a ReLU or max-pool kink.</source>
        <translation>{n} 个张量中有 {failed} 个不一致：某个反向传播有误，或差分步长跨过了 ReLU 或最大池化的折点。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/answer_words.py"/>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>{first} or {second}?</source>
        <translation>{first} 还是 {second}？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_text.py"/>
        <source>{held} of your {n} digits are kept aside to check the gain (each file's content decides, about one in four); the model learns from the other {train}.</source>
        <translation>你的 {n} 个数字中有 {held} 个留作测试，用来衡量提升（由每个文件的内容决定，约四分之一）；模型用其余 {train} 个学习。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>{k} of 4 rows are wrong (red).</source>
        <translation>4 行中有 {k} 行错误（红色）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>{message}

Lower the learning rate in the Training settings and train again.</source>
        <translation>{message}

请在训练设置中调低学习率后重新训练。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>{model}: accuracy {acc}% on {n} images ({what})</source>
        <translation>{model}：在 {n} 张图像（{what}）上的准确率 {acc}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} cannot be negative ({value})</source>
        <translation>{name}不能为负数（{value}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} has no "layers" list: it is not a network design</source>
        <translation>{name} 没有 "layers" 列表：它不是网络设计</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is a folder, not a file</source>
        <translation>{name} 是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is far too large ({value})</source>
        <translation>{name}太大了（{value}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is nested more than {n} levels deep: not something nndesk writes</source>
        <translation>{name} 的嵌套超过 {n} 层：这不是 nndesk 写出的文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is not UTF-8 text</source>
        <translation>{name} 不是 UTF-8 文本</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is not valid JSON ({reason}, line {line} column {column})</source>
        <translation>{name} 不是有效的 JSON（第 {line} 行第 {column} 列）{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is too large to be a design file</source>
        <translation>{name} 太大了，不可能是网络设计文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is truncated JSON: the text ends before it is complete (line {line} column {column})</source>
        <translation>{name} 是被截断的 JSON：文本在完整之前就结束了（第 {line} 行第 {column} 列）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is {what}, not a network design</source>
        <translation>{name} 是{what}，不是网络设计</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be a finite number, not {value}</source>
        <translation>{name}必须是有限的数值，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be a number, not {value}</source>
        <translation>{name}必须是数值，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be a whole number, not {value}</source>
        <translation>{name}必须是整数，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be above {low}, not {value}</source>
        <translation>{name}必须大于 {low}，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be at least {low}, not {value}</source>
        <translation>{name}至少为 {low}，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be at most {high}, not {value}</source>
        <translation>{name}最多为 {high}，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be one of {choices} or a number (the std of a normal distribution), not {value}</source>
        <translation>{name}必须是 {choices} 之一或一个数值（正态分布的标准差），而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be true or false, not {value}</source>
        <translation>{name}必须是开或关（true 或 false），而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>{network}, {optimizer} lr {lr}: {epochs_done} of {epochs} epochs done</source>
        <translation>{network}，{optimizer} 学习率 {lr}：已完成 {epochs_done}/{epochs} 轮</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>{n} bumps = {h} steep sigmoid neurons, each step at s = −b/w; heights f(midpoint) are the output weights. Mean |error| = {e}. More (or better placed) steps give a closer fit: one hidden layer can approximate any continuous function.</source>
        <translation>{n} 个凸起 = {h} 个陡峭的 sigmoid 神经元，每个阶跃位于 s = −b/w；高度 f(中点) 就是输出权重。平均 |误差| = {e}。阶跃越多（或放得越好）拟合越好：一个隐藏层就能逼近任意连续函数。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{n} dimension sizes</source>
        <translation>{n} 个维度的大小</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>{n} samples, one per row</source>
        <translation>{n} 个数据，每行一个</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{n} steps</source>
        <translation>{n} 步</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>{path}

The image looks empty (no ink). Open a picture of one dark digit on light paper, or the reverse.</source>
        <translation>{path}

这张图像看起来是空白的（没有笔迹）。请打开一张浅色背景上深色数字的图片（或者反过来）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>{path} already exists. Replace the files this export writes there? Any other file in it is kept.</source>
        <translation>{path} 已存在。要替换本次导出会写入的那些文件吗？其中的其他文件都会保留。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path} exists (use --force to replace it)</source>
        <translation>{path} 已存在（请换一个名称；命令行中可用 --force 替换）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path} exists and is not a folder</source>
        <translation>{path} 已存在，而且不是文件夹</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path} exists and is not empty (use --force to replace it)</source>
        <translation>{path} 已存在且不是空的（请换一个位置；命令行中可用 --force 替换）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path} is a folder, not a file an export writes</source>
        <translation>{path} 是一个文件夹，不是导出会写入的文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path} is a folder: an {kind} export is one file — try {better}</source>
        <translation>{path} 是一个文件夹：{kind}导出是单个文件——试试 {better}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: a damaged {format} image, cut short or corrupted ({reason})</source>
        <translation>{path}：{format} 图像文件已损坏（被截断或数据有误）{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: a folder, not a file</source>
        <translation>{path}：这是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: a folder, not an IDX file</source>
        <translation>{path}：这是文件夹，不是 IDX 文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: a {kind} export is a folder, not a {suffix} file — try {better}</source>
        <translation>{path}：{kind}导出是一个文件夹，不是 {suffix} 文件——试试 {better}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: an {kind} file ends in {suffix} — try {better}</source>
        <translation>{path}：{kind}文件的名字以 {suffix} 结尾——试试 {better}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: cannot be opened ({reason})</source>
        <translation>{path}：无法打开（{reason}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: cannot open ({reason})</source>
        <translation>{path}：无法打开（{reason}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: corrupt or truncated gzip data at the end ({reason})</source>
        <translation>{path}：文件末尾的 gzip 数据损坏或不完整{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: corrupt or truncated gzip data while reading the data for dimensions {dims} ({reason})</source>
        <translation>{path}：读取维度为 {dims} 的数据时遇到损坏或不完整的 gzip 数据{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: corrupt or truncated gzip data while reading {part} ({reason})</source>
        <translation>{path}：读取{part}时遇到损坏或不完整的 gzip 数据{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: damaged or truncated (no zip directory at its end)</source>
        <translation>{path}：文件已损坏或不完整（末尾没有 zip 目录）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: damaged or truncated (not a readable .npz archive: {reason})</source>
        <translation>{path}：文件已损坏或不完整（不是可读取的 .npz 归档）{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: give the file a name before {suffix}, e.g. {example}</source>
        <translation>{path}：请在 {suffix} 前面写上文件名，例如 {example}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: holds 0 images: nothing to train or measure on</source>
        <translation>{path}：其中没有图像，无法训练或测量</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: its network spec does not build: {reason}</source>
        <translation>{path}：其中的网络描述无法构建：{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: labels must be 0-9, found {low}..{high}</source>
        <translation>{path}：标签必须是 0-9，实际为 {low}..{high}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: no digit found in the image (blank?)</source>
        <translation>{path}：图像中找不到数字（空白图像？）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: no digit sub-folders; put each digit's images in {first}, {second}, ... {last}</source>
        <translation>{path}：没有按数字命名的子文件夹；请把每个数字的图像放进 {first}、{second} …… {last}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: no readable digit images in 0/ ... 9/</source>
        <translation>{path}：0/ … 9/ 中没有可读取的数字图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: no such model file</source>
        <translation>{path}：没有这个模型文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: not a file</source>
        <translation>{path}：不是文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: not a folder</source>
        <translation>{path}：不是文件夹</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: not a readable image ({reason})</source>
        <translation>{path}：不是可读取的图像{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: not a regular file</source>
        <translation>{path}：不是普通文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: not a regular file (a pipe or a device?)</source>
        <translation>{path}：不是普通文件（是管道或设备？）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: not an IDX file (magic number bytes {magic}, expected 0x0000 then a type code and 1-8 dimensions)</source>
        <translation>{path}：不是 IDX 文件（魔数字节为 {magic}，应为 0x0000，随后是类型代码和 1-8 个维度）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: refused as a possible decompression bomb ({reason})</source>
        <translation>{path}：可能是解压炸弹，已拒绝读取{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: the digit sub-folders hold no images ({suffixes})</source>
        <translation>{path}：数字子文件夹中没有图像（{suffixes}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: too short to be a model file (1 byte)</source>
        <translation>{path}：文件太短，不可能是模型文件（1 字节）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: too short to be a model file ({n} bytes)</source>
        <translation>{path}：文件太短，不可能是模型文件（{n} 字节）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: truncated: data for dimensions {dims} needs {n} bytes, the file has only {size}</source>
        <translation>{path}：文件不完整：维度为 {dims} 的数据需要 {n} 字节，文件只有 {size} 字节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: truncated: the header's dimensions {dims} need {n} bytes, the file has {size}</source>
        <translation>{path}：文件不完整：文件头中的维度 {dims} 需要 {n} 字节，文件只有 {size} 字节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: truncated: {part} needs {n} bytes, the file has only {size}</source>
        <translation>{path}：文件不完整：{part}需要 {n} 字节，文件只有 {size} 字节</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: {n} labels for the {images} images in {name}</source>
        <translation>{path}：{name} 中有 {images} 张图像，却有 {n} 个标签</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: {reason}</source>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: {what}, not an IDX file</source>
        <translation>{path}：这是{what}，不是 IDX 文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: {what}, not an image</source>
        <translation>{path}：这是{what}，不是图像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: {what}, not an nndesk model file</source>
        <translation>{path}：这是{what}，不是 nndesk 的模型文件</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: {what}, not an nndesk model file; {advice}</source>
        <translation>{path}：这是{what}，不是 nndesk 的模型文件；{advice}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: {w}x{h} pixels is too large (limit {limit} pixels)</source>
        <translation>{path}：{w}×{h} 像素太大了（上限为 {limit} 像素）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>{percent}% of the run</source>
        <translation>已完成 {percent}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/answer_words.py"/>
        <source>{percent}% sure</source>
        <translation>置信度 {percent}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>{problem}

Fix the marked layer in the designer, then train.</source>
        <translation>{problem}

请在网络设计中修正标出的层，然后再训练。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>{reason} (an unexpected error: the rest of the window keeps working; press Check gradients to try again)</source>
        <translation>{reason}（意外错误：窗口的其他部分照常工作；按“确认梯度”即可重试）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>{run}: {values}</source>
        <translation>{run}：{values}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{size} numbers in a row</source>
        <translation>排成一行的 {size} 个数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>{tag} training</source>
        <translation>{tag} 训练数据</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>{tag} validation</source>
        <translation>{tag} 验证数据</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{title} files missing in {folder}: {files}. Put them in that folder (from {url}), set {env} to a folder that has them, or download them (`download=True`).</source>
        <translation>{folder} 中缺少 {title} 文件：{files}。请把它们放进这个文件夹（来源：{url}），或把 {env} 设为存有这些文件的文件夹，或者下载它们。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{title} files missing in {folder}: {files}. Put them in that folder (from {url}), set {env} to a folder that has them, or download them (`download=True`).
{detail}</source>
        <translation>{folder} 中缺少 {title} 文件：{files}。请把它们放进这个文件夹（来源：{url}），或把 {env} 设为存有这些文件的文件夹，或者下载它们。
{detail}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{what} at step {step}: the learning rate {lr} is probably too high; try {suggest} ({kept})</source>
        <translation>第 {step} 步时{what}：学习率 {lr} 可能太高了；试试 {suggest}（{kept}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>|error|</source>
        <translation>|误差|</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>η, cross-entropy</source>
        <translation>η（交叉熵）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>η, quadratic</source>
        <translation>η（二次代价）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>‖∂L/∂h_t‖ (log)</source>
        <translation>‖∂L/∂h_t‖（对数）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>“{name}” cannot be opened ({reason}). Open a picture of one digit: {formats}.</source>
        <translation>无法打开“{name}”（{reason}）。请打开一张只有一个数字的图片：{formats}。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>“{name}” is a {format} image, but the file is damaged (cut short or corrupted), so it cannot be read. Open a whole copy of it, or another picture of one digit.</source>
        <translation>“{name}” 是 {format} 图像，但文件已损坏（被截断或数据有误），无法读取。请打开它的完整副本，或另一张只有一个数字的图片。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>“{name}” is not a picture nndesk can read. Open a picture of one digit: {formats}.</source>
        <translation>“{name}” 不是 nndesk 能读取的图片。请打开一张只有一个数字的图片：{formats}。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>“{name}” is {what}, not a picture. Open a picture of one digit: {formats}.</source>
        <translation>“{name}” 是{what}，不是图片。请打开一张只有一个数字的图片：{formats}。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>⚠ {error}. Fix this layer to train.</source>
        <translation>⚠ {error}。请修正这一层后再训练。</translation>
    </message>
</context>
</TS>
